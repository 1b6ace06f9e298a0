import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import SignedInConsole from './SignedInConsole';
import { cspNonce } from './cspNonce';

dayjs.locale('zh-cn');

/** Ant Design's theme, Chinese locale and message/modal context around everything behind the sign-in (one lazy chunk). */
export default function SignedInRoot() {
  return (
    // No click wave anywhere: many buttons leave with what they act on (a step, a modal, a row), and antd's wave then
    // unmounts a holder that is gone — a page error ("reading '__rc_react_root__'") that browser tests catch at random.
    <ConfigProvider locale={zhCN} csp={{ nonce: cspNonce() }} button={{ autoInsertSpace: false }} wave={{ disabled: true }}
      theme={{ token: { colorPrimary: '#c0392b', borderRadius: 6 } }}>
      <AntApp>
        <SignedInConsole />
      </AntApp>
    </ConfigProvider>
  );
}
