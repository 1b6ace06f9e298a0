import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from './session/SessionContext';
import { ConsoleRoutes } from './ConsoleRoutes';
import './console.css';

dayjs.locale('zh-cn');

// Ant Design writes its styles at run time; the page's Content-Security-Policy admits them by this nonce.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
// A few helpers inside Ant Design's dependencies (the scroll lock of dialogs, the scrollbar measure) add
// <style> elements without passing the nonce on: every style element this page's own code creates gets it.
// Markup injected as HTML never passes through createElement, so it stays blocked.
const createElement = document.createElement.bind(document);
document.createElement = ((tag: string, options?: ElementCreationOptions) => {
  const element = createElement(tag, options);
  if (nonce && tag.toLowerCase() === 'style') element.setAttribute('nonce', nonce);
  return element;
}) as typeof document.createElement;
// The router's base is the page's <base href> path: /console/ or /api/console/.
const basename = new URL(document.baseURI).pathname.replace(/\/$/, '');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} csp={{ nonce }} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#c0392b', borderRadius: 6 } }}>
      <AntApp>
        <BrowserRouter basename={basename}>
          <SessionProvider>
            <ConsoleRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
