import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, ApiError } from '../api/client';
import type { CommunityItem } from '../api/admin';
import { projectCategories, streetOf, type ProjectView } from '../api/projects';
import { useSession } from '../session/SessionContext';
import { useWrites } from '../components/WriteScope';

interface Values {
  title: string; category: string; goal: string; period: [Dayjs, Dayjs]; unitsWanted: number; communityId?: string;
  milestones?: { title: string; dueAt: Dayjs }[];
}

/** 新建项目 (a draft): the organizer for its street or one of its communities, a dispatcher for its community. 发布 is on the project's page. */
export function ProjectNewPage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const { button, begin, end } = useWrites();

  useEffect(() => {
    if (session?.role !== 'organizer') return;
    void (async () => {
      const street = await streetOf(session.role, session.scope);
      setCommunities((await api<CommunityItem[]>('GET', 'communities')).filter((c) => c.streetId === street));
    })().catch(() => undefined);
  }, [session]);

  const save = async (v: Values) => {
    if (!begin('save')) return;
    try {
      const created = await api<ProjectView>('POST', 'projects', {
        title: v.title.trim(), category: v.category, goal: v.goal.trim(), startsOn: v.period[0].startOf('day').toISOString(),
        endsOn: v.period[1].endOf('day').toISOString(), unitsWanted: v.unitsWanted,
        milestones: (v.milestones ?? []).map((m) => ({ title: m.title.trim(), dueAt: m.dueAt.endOf('day').toISOString() })),
        ...(v.communityId ? { communityId: v.communityId } : {}),
      });
      message.success('草稿已保存，核对后即可发布。');
      navigate(`/projects/${encodeURIComponent(created.id)}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存未成功，请稍后再试。');
    } finally {
      end();
    }
  };

  return (
    <Card title="新建项目" extra={<Link to="/projects"><Button icon={<ArrowLeftOutlined />}>返回项目清单</Button></Link>}>
      <Form form={form} layout="vertical" style={{ maxWidth: 720 }} onFinish={(v) => void save(v)} initialValues={{ unitsWanted: 3, milestones: [{}] }}>
        <Form.Item name="title" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
          <Input maxLength={60} placeholder="例如：健康服务在身边" data-testid="project-title" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select style={{ width: 160 }} options={projectCategories.map((c) => ({ value: c, label: c }))} data-testid="project-category" />
          </Form.Item>
          <Form.Item name="unitsWanted" label="需要单位数" rules={[{ required: true, message: '请填写需要几家单位' }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          {session?.role === 'organizer' && (
            <Form.Item name="communityId" label="范围" tooltip="不选则面向全街道">
              <Select allowClear placeholder="全街道" style={{ width: 180 }} options={communities.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="goal" label="项目目标" rules={[{ required: true, whitespace: true, message: '请写明项目目标' }]}>
          <Input.TextArea maxLength={1000} showCount rows={4} placeholder="为谁、做什么、做到什么程度" data-testid="project-goal" />
        </Form.Item>
        <Form.Item name="period" label="项目周期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker data-testid="project-period" />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Form.Item label="节点（单位按节点填报进展）">
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写节点' }]}>
                    <Input maxLength={60} placeholder={`节点 ${i + 1}，例如：首场义诊`} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueAt']} rules={[{ required: true, message: '请选择截止日期' }]}>
                    <DatePicker placeholder="截止日期" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除节点" />
                </Space>
              ))}
              {fields.length < 12 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>添加节点</Button>}
            </Form.Item>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" {...button('save')} data-testid="project-save">保存草稿</Button>
      </Form>
    </Card>
  );
}
