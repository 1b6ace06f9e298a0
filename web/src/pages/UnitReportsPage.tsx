import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { AdminUnit, CommunityItem } from '../api/admin';
import type { ResourceItem, ResourcePage } from '../api/lists';
import { listUnitReports, reportUnit, type UnitReportRow } from '../api/people';
import { useSession } from '../session/SessionContext';
import { UnitReportTable } from '../components/UnitReportTable';
import { UnitReportDrawer } from '../components/UnitReportDrawer';
import { useWrites } from '../components/WriteScope';

interface ReportForm { communityId: string; posts?: string; resourceIds?: string[]; serviceItemsPerYear?: number }

/**
 * 双报到 for a member unit's liaison: its unit's reports (报到) to the communities of its street and whether the
 * commitments are met, and the form to report: posts it sets up (设岗定责, one a line), resources from its 资源清单 and
 * how many service items a year. Once a year per community.
 */
export function UnitReportsPage() {
  const { session } = useSession();
  const { message } = App.useApp();
  const [reports, setReports] = useState<UnitReportRow[] | null>(null);
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [street, setStreet] = useState<string | undefined>();
  const [resources, setResources] = useState<ResourceItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const { button, begin, end } = useWrites();
  const [form] = Form.useForm<ReportForm>();

  const load = useCallback(async () => {
    try {
      setReports((await listUnitReports('pageSize=100')).items);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '报到加载失败，请稍后再试。');
    }
  }, []);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    void api<CommunityItem[]>('GET', 'communities').then(setCommunities).catch(() => setCommunities([]));
    void api<AdminUnit[]>('GET', 'units').then((u) => setStreet(u.find((x) => x.id === session?.scope)?.streetId)).catch(() => undefined);
    void api<ResourcePage>('GET', 'resources?status=active&pageSize=100').then((p) => setResources(p.items)).catch(() => setResources([]));
  }, [session]);
  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? id;

  const submit = async () => {
    const v = await form.validateFields();
    if (!begin('report')) return;
    setRefusal(null);
    try {
      const posts = (v.posts ?? '').split('\n').map((p) => p.trim()).filter(Boolean);
      await reportUnit({ communityId: v.communityId, posts, resourceIds: v.resourceIds ?? [], serviceItemsPerYear: v.serviceItemsPerYear ?? 0 });
      message.success(`已向${communityName(v.communityId)}报到，等待社区接收。`);
      form.resetFields();
      await load();
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.message : '报到未能完成，请稍后再试。');
    } finally {
      end();
    }
  };

  return (
    <div data-testid="unit-reports-page">
      <div className="page-head">
        <h2>双报到 · 本单位</h2>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <UnitReportTable rows={reports ?? []} loading={reports === null && !error} communityName={communityName} onOpen={setOpen} />
      <Card title="向社区报到" style={{ marginTop: 16 }} data-testid="report-form">
        <Form form={form} layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item name="communityId" label="报到社区" rules={[{ required: true, message: '请选择社区' }]}>
            <Select data-testid="report-community" placeholder="本街道的社区"
              options={communities.filter((c) => c.streetId === street && !c.retiredAt).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="posts" label="设岗定责" extra="本单位认领的岗位，每行一个，例如：楼道议事会法律顾问">
            <Input.TextArea data-testid="report-posts" rows={3} />
          </Form.Item>
          <Form.Item name="resourceIds" label="提供资源" extra="从本单位的资源清单中选择">
            <Select mode="multiple" data-testid="report-resources" options={resources.map((r) => ({ value: r.id, label: r.title }))} />
          </Form.Item>
          <Form.Item name="serviceItemsPerYear" label="全年服务项目数"><InputNumber min={0} max={100} suffix="项" /></Form.Item>
          {refusal && <div className="signin-alert error" role="alert" data-testid="report-refusal">{refusal}</div>}
          <Button type="primary" {...button('report')} data-testid="submit-report" onClick={() => void submit()}>提交报到</Button>
        </Form>
      </Card>
      <UnitReportDrawer id={open} staff={false} onClose={() => setOpen(null)} onChanged={() => void load()} />
    </div>
  );
}
