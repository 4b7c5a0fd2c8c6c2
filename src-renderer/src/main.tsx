import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { App } from './App';
import { NoticeProvider } from './components/NoticeProvider';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <NoticeProvider>
        <App />
      </NoticeProvider>
    </StrictMode>,
  );
}
