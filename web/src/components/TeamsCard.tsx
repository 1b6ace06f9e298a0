// 队伍: a community's teams with their member counts; its staff set up a team (成立队伍) or retire one they set up (停用).
import { useState } from 'react';
import { Alert, App, Card, Form, Input, Modal, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { createTeam, retireTeam, type CommunityTeam } from '../api/people';
import { WriteButton } from './WriteButton';
import { useWrites } from './WriteScope';

export function TeamsCard({ communityId, teams, onChanged }: { communityId: string; teams: CommunityTeam[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const { button, begin, end, write, pending } = useWrites();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; purpose?: string }>();

  const save = async () => {
    const values = await form.validateFields();
    if (!begin('team')) return;
    try {
      const team = await createTeam(communityId, values.name.trim(), values.purpose?.trim());
      message.success(`已成立${team.name}。`);
      setAdding(false);
      form.resetFields();
      setError(null);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '未能成立队伍，请稍后再试。');
    } finally {
      end();
    }
  };

  const retire = (team: CommunityTeam) => write(`retire-${team.id}`, async () => {
    try {
      await retireTeam(communityId, team.id);
      message.success(`${team.name}已停用，队员的记录保留。`);
      onChanged();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '未能停用，请稍后再试。');
    }
  });

  return (
    <Card size="small" title="队伍" style={{ marginBottom: 12 }} data-testid="teams"
      extra={<WriteButton size="small" icon={<PlusOutlined />} onClick={() => { setError(null); setAdding(true); }} data-testid="team-add">成立队伍</WriteButton>}>
      <Space wrap>
        {teams.map((t) => {
          const tag = (
            <Tag key={t.id} color={t.retired ? 'default' : t.members ? 'red' : 'default'} data-testid={`team-${t.id}`} style={t.retired ? { opacity: 0.6 } : undefined}>
              {t.name} {t.members} 人{t.retired && '（已停用）'}
              {!t.standing && !t.retired && (
                <Popconfirm title={`停用${t.name}？`} description="停用后不再接收新队员，已有队员的记录保留。" okText="停用" cancelText="取消" disabled={pending} onConfirm={() => retire(t)}>
                  <a role="button" aria-label={`停用${t.name}`} style={{ marginLeft: 6 }}>停用</a>
                </Popconfirm>
              )}
            </Tag>
          );
          return t.purpose ? <Tooltip key={t.id} title={t.purpose}>{tag}</Tooltip> : tag;
        })}
      </Space>
      <Modal title="成立队伍" open={adding} onCancel={() => setAdding(false)} onOk={() => void save()} okText="成立" cancelText="取消" okButtonProps={button('team')} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" preserve={false} onValuesChange={() => setError(null)}>
          <Form.Item name="name" label="队伍名称" rules={[{ required: true, whitespace: true, message: '请填写队伍名称。' }, { min: 2, max: 20, message: '队伍名称请写 2 到 20 个字。' }]}>
            <Input placeholder="如：红色物业服务队" maxLength={20} />
          </Form.Item>
          <Form.Item name="purpose" label="简介（选填）" extra="名称和简介会公开显示，请不要写电话、门牌号等个人信息。">
            <Input.TextArea rows={3} maxLength={100} showCount placeholder="这支队伍做什么" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
