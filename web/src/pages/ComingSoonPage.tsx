import { Result } from 'antd';
import { useSession } from '../session/SessionContext';

export function ComingSoonPage() {
  const { session } = useSession();
  return <Result status="info" title={`${session?.roleName ?? ''}页面正在建设中`} subTitle="目前可以通过接口完成相关操作，敬请期待。" />;
}
