import { useState } from 'react';
import { FirstStartDialog } from './components/FirstStartDialog';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Shell } from './components/Shell';
import { useApiQuery } from './hooks/useApiQuery';
import { useRoute, type Route } from './hooks/useRoute';
import { invoke } from './lib/api';
import { DashboardPage } from './pages/DashboardPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { ImportPage } from './pages/ImportPage';
import { MatchingPage } from './pages/MatchingPage';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { PeoplePage } from './pages/PeoplePage';
import { PlannerPage } from './pages/PlannerPage';
import { SettingsPage } from './pages/SettingsPage';

function Page({ route }: { route: Route }) {
  switch (route) {
    case 'dashboard':
      return <DashboardPage />;
    case 'organisations':
      return <OrganisationsPage />;
    case 'people':
      return <PeoplePage />;
    case 'settings':
      return <SettingsPage />;
    case 'matching':
      return <MatchingPage />;
    case 'import':
      return <ImportPage />;
    case 'planner':
      return <PlannerPage />;
    case 'documents':
      return <DocumentsPage />;
  }
}

export function App() {
  const route = useRoute();
  const status = useApiQuery(() => invoke('app.status', {}), []);
  // Bumped after the first-start choice so the page under the dialog loads the new data.
  const [generation, setGeneration] = useState(0);
  const [isChoiceMade, setIsChoiceMade] = useState(false);
  const showFirstStart = status.data?.isFirstStart === true && !isChoiceMade;

  return (
    <Shell route={route}>
      <ErrorBoundary key={`${route}-${generation}`}>
        <Page route={route} />
      </ErrorBoundary>
      {showFirstStart ? (
        <FirstStartDialog
          onDone={() => {
            setIsChoiceMade(true);
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
    </Shell>
  );
}
