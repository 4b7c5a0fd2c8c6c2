import { useEffect, useState } from 'react';

export const ROUTES = ['dashboard', 'organisations', 'people', 'import', 'matching', 'planner', 'documents', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

function fromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'dashboard';
}

export function hrefFor(route: Route): string {
  return `#/${route}`;
}

/** The page lives in the URL hash: in-page navigation that Electron's navigation guard allows, and a reload keeps the page. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => fromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(fromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
