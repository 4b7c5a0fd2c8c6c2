import type { ServiceContext } from '../services/context';
import * as app from '../services/app.service';
import * as demo from '../services/demo.service';
import * as programmes from '../services/programme.service';
import * as organisations from '../services/organisation.service';
import * as places from '../services/place.service';
import * as people from '../services/person.service';
import * as backups from '../services/backup.service';
import * as matching from '../services/matching.service';
import { AppError } from '../../src-shared/errors';
import type { Handlers } from './dispatch';
import { createImportHandlers } from './import.handlers';
import { createPlannerHandlers } from './planner.handlers';
import { createDocumentsHandlers } from './documents.handlers';
import { createTrustHandlers } from './trust.handlers';

/** The contract's handlers: each parses nothing (dispatch did) and calls one service. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    'app.status': () => app.getStatus(ctx),
    'dialog.chooseFolder': async ({ purpose }) => {
      if (!ctx.ui) throw new AppError('invalid_input', 'Choosing a folder needs the app window; on the command line, give the folder with --out.');
      return { folder: await ctx.ui.chooseFolder(purpose) };
    },
    'app.startEmpty': () => app.startEmpty(ctx),
    'demo.load': () => demo.loadDemo(ctx),

    'programme.list': () => programmes.listProgrammes(ctx),
    'programme.get': ({ id }) => programmes.getProgramme(ctx, id),
    'programme.summary': ({ id }) => programmes.summariseProgramme(ctx, id),
    'programme.create': (input) => programmes.createProgramme(ctx, input),
    'programme.update': (input) => programmes.updateProgramme(ctx, input),
    'programme.delete': ({ id }) => programmes.deleteProgramme(ctx, id),

    'organisation.list': ({ search }) => organisations.listOrganisations(ctx, search),
    'organisation.get': ({ id }) => organisations.getOrganisation(ctx, id),
    'organisation.create': (input) => organisations.createOrganisation(ctx, input),
    'organisation.update': (input) => organisations.updateOrganisation(ctx, input),
    'organisation.delete': ({ id }) => organisations.deleteOrganisation(ctx, id),

    'contact.list': ({ organisationId }) => organisations.listContacts(ctx, organisationId),
    'contact.create': (input) => organisations.createContact(ctx, input),
    'contact.update': (input) => organisations.updateContact(ctx, input),
    'contact.delete': ({ id }) => organisations.deleteContact(ctx, id),

    'place.list': (filter) => places.listPlaces(ctx, filter),
    'place.create': (input) => places.createPlace(ctx, input),
    'place.update': (input) => places.updatePlace(ctx, input),
    'place.delete': ({ id }) => places.deletePlace(ctx, id),

    'person.list': (filter) => people.listPeople(ctx, filter),
    'person.get': ({ id }) => people.getPerson(ctx, id),
    'person.create': (input) => people.createPerson(ctx, input),
    'person.update': (input) => people.updatePerson(ctx, input),
    'person.delete': ({ id }) => people.deletePerson(ctx, id),

    'matching.run': (input) => matching.runScenario(ctx, input),
    'matching.scenarios': ({ programmeId }) => matching.listScenarios(ctx, programmeId),
    'matching.scenario': ({ id }) => matching.getScenario(ctx, id),
    'matching.publish': ({ scenarioId }) => matching.publishScenario(ctx, scenarioId),
    'placement.list': ({ programmeId }) => matching.listPlacements(ctx, programmeId),
    'placement.pin': ({ id, isPinned }) => matching.pinPlacement(ctx, id, isPinned),
    'placement.move': (input) => matching.movePlacement(ctx, input),
    'placement.cancel': ({ id }) => matching.cancelPlacement(ctx, id),

    'backup.list': async () => backups.listBackups(ctx),
    'backup.create': () => backups.backupNow(ctx, 'manual'),
    'backup.restore': ({ name }) => backups.restoreBackupByName(ctx, name),

    ...createImportHandlers(ctx),
    ...createPlannerHandlers(ctx),
    ...createDocumentsHandlers(ctx),
    ...createTrustHandlers(ctx),
  };
}
