import { useState } from 'react';
import { Button, Form, Input, Modal, Select } from 'antd';
import { WriteButton } from './WriteButton';
import { useWrites } from './WriteScope';
import { api } from '../api/client';
import { activityPath, audienceNames, type ActivityView, type RegistrationResult } from '../api/activities';
import type { useAction } from './useAction';

/**
 * 代为报名: someone phones the community or comes to the desk. The organiser registers them (a place, or the waiting list as
 * for anyone) and reads them the check-in code and the registration code, which the API shows only in this answer.
 */
export function RegisterForSomeone({ activity, run, reload }: {
  activity: ActivityView; run: ReturnType<typeof useAction>['run']; reload: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const { button } = useWrites();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [kind, setKind] = useState(activity.audiences[0]);
  const [result, setResult] = useState<RegistrationResult | null>(null);
  const register = async () => {
    const ok = await run('register', async () => {
      setResult(await api<RegistrationResult>('POST', activityPath(activity.id, 'registrations'), { name: name.trim(), phone: phone.trim(), kind }));
      await reload();
    }, '已代为报名。');
    if (ok) { setOpen(false); setName(''); setPhone(''); }
  };
  return (
    <>
      <WriteButton onClick={() => setOpen(true)} data-testid="register-for">代为报名</WriteButton>
      <Modal title="代为报名" open={open} okText="报名" cancelText="返回" onOk={() => void register()} onCancel={() => setOpen(false)}
        okButtonProps={button('register', !name.trim() || !phone.trim())}>
        <p className="muted">为打电话或到社区来报名的人登记。名额满了会进入候补。</p>
        <Form layout="vertical">
          <Form.Item label="姓名" required><Input value={name} onChange={(e) => setName(e.target.value)} maxLength={20} data-testid="register-name" /></Form.Item>
          <Form.Item label="手机号" required><Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} inputMode="tel" data-testid="register-phone" /></Form.Item>
          <Form.Item label="身份">
            <Select value={kind} onChange={setKind} options={activity.audiences.map((a) => ({ value: a, label: audienceNames[a] ?? a }))} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title={result?.statusText} open={result !== null} footer={<Button type="primary" onClick={() => setResult(null)}>知道了</Button>}
        onCancel={() => setResult(null)}>
        <div data-testid="register-result">
          <p>{result?.message}</p>
          {result?.checkInCode && <p>签到码：<strong>{result.checkInCode}</strong>（活动当天出示）</p>}
          {result?.registrationCode && <p>报名码：<strong>{result.registrationCode}</strong>（取消报名时用）</p>}
          <p className="muted">这两个码只显示这一次，请现在告诉报名人。</p>
        </div>
      </Modal>
    </>
  );
}
