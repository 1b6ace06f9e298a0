import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from './session/SessionContext';
import { ConsoleRoutes } from './ConsoleRoutes';
import { cspNonce } from './cspNonce';
import './console.css';

// A few helpers inside Ant Design's dependencies (the scroll lock of dialogs, the scrollbar measure) add
// <style> elements without passing the nonce on: every style element this page's own code creates gets it.
// Markup injected as HTML never passes through createElement, so it stays blocked.
const nonce = cspNonce();
const createElement = document.createElement.bind(document);
document.createElement = ((tag: string, options?: ElementCreationOptions) => {
  const element = createElement(tag, options);
  if (nonce && tag.toLowerCase() === 'style') element.setAttribute('nonce', nonce);
  return element;
}) as typeof document.createElement;
// The router's base is the page's <base href> path: /console/ or /api/console/.
const basename = new URL(document.baseURI).pathname.replace(/\/$/, '');

// The first chunk holds React, the router and the plain sign-in form only: Ant Design, its locale and dayjs arrive
// with the signed-in console (SignedInRoot), so a first visit can use the form before they are even downloaded.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter basename={basename}>
      <SessionProvider>
        <ConsoleRoutes />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
