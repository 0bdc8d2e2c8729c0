import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './services/boot';
import { startOffline } from './services/offline';
// Before the first render: the language comes from the address or the browser.
import './ui/i18n';
import { App } from './ui/App';
import './ui/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void boot();
startOffline();
