import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Select, Space, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { CommunityItem } from '../api/admin';
import { exportPeople, listPeople, listTeams, listUnitReports, type CommunityTeam, type PersonRow, type UnitReportRow } from '../api/people';
import { useSession } from '../session/SessionContext';
import { when } from '../format';
import { UnitReportTable } from '../components/UnitReportTable';
import { UnitReportDrawer } from '../components/UnitReportDrawer';
import { PersonDrawer } from '../components/PersonDrawer';
import { TeamsCard } from '../components/TeamsCard';

/**
 * 双报到 for staff: the units that reported to the community (报到 with commitments, and which are met) and the people
 * who reported (在职党员, 志愿者) with their teams and hours. Names and phones are as the API gives them: unmasked to the
 * community's own dispatcher, masked to the street's organizer; only the dispatcher exports the CSV.
 */
export function PeoplePage() {
  const { session } = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'units';
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [community, setCommunity] = useState<string | undefined>(session?.role === 'dispatcher' ? session.scope : undefined);
  const [reports, setReports] = useState<UnitReportRow[] | null>(null);
  const [people, setPeople] = useState<PersonRow[] | null>(null);
  const [teams, setTeams] = useState<CommunityTeam[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const [person, setPerson] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [next, setNext] = useState<string | undefined>();
  const dispatcher = session?.role === 'dispatcher';

  useEffect(() => { void api<CommunityItem[]>('GET', 'communities').then(setCommunities).catch(() => setCommunities([])); }, []);
  const street = dispatcher ? communities.find((c) => c.id === session?.scope)?.streetId : session?.scope;
  const mine = communities.filter((c) => c.streetId === street && !c.retiredAt);
  const communityName = (id: string) => communities.find((c) => c.id === id)?.name ?? id;
  useEffect(() => { if (!community && !dispatcher && mine.length > 0 && tab === 'people') setCommunity(mine[0].id); }, [community, dispatcher, mine, tab]);

  const query = useCallback((token?: string) => {
    const q = new URLSearchParams({ pageSize: '50' });
    if (community && (tab === 'people' || !dispatcher)) q.set('communityId', community);
    if (token) q.set('pageToken', token);
    return q.toString();
  }, [tab, community, dispatcher]);

  const load = useCallback(async () => {
    try {
      if (tab === 'units') {
        const page = await listUnitReports(query());
        setReports(page.items);
        setNext(page.nextPageToken);
      } else if (community) {
        const [page, t] = await Promise.all([listPeople(query()), listTeams(community)]);
        setPeople(page.items);
        setNext(page.nextPageToken);
        setTeams(t.teams);
      }
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败，请稍后再试。');
    }
  }, [tab, community, query]);
  useEffect(() => { void load(); }, [load]);

  const more = async () => {
    if (!next) return;
    try {
      if (tab === 'units') {
        const page = await listUnitReports(query(next));
        setReports((old) => [...(old ?? []), ...page.items]);
        setNext(page.nextPageToken);
      } else {
        const page = await listPeople(query(next));
        setPeople((old) => [...(old ?? []), ...page.items]);
        setNext(page.nextPageToken);
      }
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '加载失败，请稍后再试。');
    }
  };

  const download = async () => {
    if (!community) return;
    setExporting(true);
    try {
      await exportPeople(community, `报到人员-${communityName(community)}.csv`);
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : '导出未能完成，请稍后再试。');
    } finally {
      setExporting(false);
    }
  };

  const columns = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (n: string) => <b>{n}</b> },
    { title: '电话', dataIndex: 'phone', width: 130 },
    { title: '身份', dataIndex: 'kindName', width: 90, render: (k: string, p: PersonRow) => <Tag color={p.kind === 'partyMember' ? 'red' : 'blue'}>{k}</Tag> },
    { title: '队伍', dataIndex: 'teams', render: (t: string[]) => (t.length ? t.map((n) => <Tag key={n}>{n}</Tag>) : <span className="muted">未加入</span>) },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string, p: PersonRow) => <Tag color={s === 'confirmed' ? 'green' : 'gold'}>{p.statusName}</Tag> },
    { title: '登记时长', dataIndex: 'hours', width: 100, render: (h: number) => `${h} 小时` },
    { title: '报到时间', dataIndex: 'registeredAt', width: 120, render: (t: string) => when(t) },
  ];

  return (
    <div data-testid="people-page">
      <div className="page-head">
        <h2>双报到</h2>
        <Space wrap>
          {!dispatcher && (
            <Select data-testid="pick-community" style={{ width: 180 }} placeholder={tab === 'units' ? '全街道' : '选择社区'} allowClear={tab === 'units'}
              value={community} onChange={setCommunity} options={mine.map((c) => ({ value: c.id, label: c.name }))} />
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
          {dispatcher && tab === 'people' && (
            <Button icon={<DownloadOutlined />} loading={exporting} data-testid="export-people" onClick={() => void download()}>导出 CSV</Button>
          )}
        </Space>
      </div>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={[
        { key: 'units', label: <span data-testid="tab-units">单位报到</span> },
        { key: 'people', label: <span data-testid="tab-people">报到人员</span> },
      ]} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {tab === 'units' && <UnitReportTable rows={reports ?? []} loading={reports === null && !error} communityName={communityName} onOpen={setReport} />}
      {tab === 'people' && (
        <>
          {community && <TeamsCard communityId={community} teams={teams} onChanged={() => void load()} />}
          {!dispatcher && <p className="muted">姓名和电话只对本社区工作人员完整显示。</p>}
          <Table rowKey="id" size="middle" loading={people === null && !error} dataSource={people ?? []} columns={columns} pagination={false} scroll={{ x: 860 }} data-testid="people"
            onRow={(p) => ({ onClick: () => setPerson(p.id), style: { cursor: 'pointer' } })} locale={{ emptyText: '还没有人报到' }} />
        </>
      )}
      {next && <div style={{ textAlign: 'center', marginTop: 12 }}><Button onClick={() => void more()}>加载更多</Button></div>}
      <UnitReportDrawer id={report} staff onClose={() => setReport(null)} onChanged={() => void load()} />
      <PersonDrawer id={person} onClose={() => setPerson(null)} onChanged={() => void load()} />
    </div>
  );
}
