import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useSession } from '../session/SessionContext';
import { ApiError } from '../api/client';

export function SignInPage() {
  const { signIn, notice } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ key }: { key: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(key.trim());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="center-screen">
      <Card className="signin-card" title={<span><KeyOutlined /> 共建工作台 · 工作人员登录</span>}>
        <Typography.Paragraph type="secondary">
          请粘贴您的工作人员密钥（以 gjk_ 开头）。登录后浏览器只保存登录状态，不保存密钥。
        </Typography.Paragraph>
        {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="key" label="密钥" rules={[{ required: true, message: '请输入密钥' }]}>
            <Input.Password placeholder="gjk_…" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
      </Card>
    </div>
  );
}
