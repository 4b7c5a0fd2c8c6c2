import type { ServiceContext } from '../services/context';
import * as planner from '../services/planner.service';
import type { Handlers } from './dispatch';
import type { plannerContract } from '../../src-shared/ipc/planner.contract';

/** Handlers of the planner channels: each calls one service. */
export function createPlannerHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof plannerContract> {
  return {
    'planner.timePath': ({ programmeId }) => planner.getTimePath(ctx, programmeId),
    'planner.phaseUpdate': (input) => planner.updatePhase(ctx, input),
    'planner.sessions': ({ programmeId }) => planner.listSessions(ctx, programmeId),
    'planner.sessionCreate': (input) => planner.createSession(ctx, input),
    'planner.sessionUpdate': (input) => planner.updateSession(ctx, input),
    'planner.sessionDelete': ({ id }) => planner.deleteSession(ctx, id),
    'planner.sessionsAssign': ({ programmeId }) => planner.assignAllSessions(ctx, programmeId),
    'planner.attendance': (input) => planner.recordAttendance(ctx, input),
    'planner.plan': (input) => planner.plan(ctx, input),
    'planner.schedule': ({ programmeId }) => planner.getSchedule(ctx, programmeId),
    'planner.closedPeriods': ({ programmeId }) => planner.listClosedPeriods(ctx, programmeId),
    'planner.closedPeriodCreate': (input) => planner.createClosedPeriod(ctx, input),
    'planner.closedPeriodDelete': ({ id }) => planner.deleteClosedPeriod(ctx, id),
    'planner.ledger': ({ programmeId }) => planner.getLedger(ctx, programmeId),
    'planner.blockMove': (input) => planner.moveShadowBlock(ctx, input),
    'planner.blockSplit': (input) => planner.splitShadowBlock(ctx, input),
    'planner.blockStatus': (input) => planner.setBlockStatus(ctx, input),
    'planner.tasks': ({ programmeId }) => planner.listTasks(ctx, programmeId),
    'planner.exportIcs': (input) => planner.exportCalendars(ctx, input),
  };
}
