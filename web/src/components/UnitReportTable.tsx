import { Progress, Table, Tag } from 'antd';
import type { UnitReportRow } from '../api/people';
import { when } from '../format';

/** Unit reports as rows: the unit, the community, the year, accepted or not, and how many commitments are met. */
export function UnitReportTable({ rows, loading, communityName, onOpen }: {
  rows: UnitReportRow[]; loading: boolean; communityName: (id: string) => string; onOpen: (id: string) => void;
}) {
  const columns = [
    { title: '单位', dataIndex: 'unitName', render: (n: string) => <b>{n}</b> },
    { title: '报到社区', dataIndex: 'communityId', width: 140, render: communityName },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string, r: UnitReportRow) => <Tag color={s === 'accepted' ? 'green' : 'blue'}>{r.statusName}</Tag> },
    { title: '承诺兑现', key: 'met', width: 180, render: (_: unknown, r: UnitReportRow) => (
      <Progress size="small" percent={r.commitmentsMade ? Math.round((100 * r.commitmentsMet) / r.commitmentsMade) : 0} format={() => `${r.commitmentsMet}/${r.commitmentsMade}`} />) },
    { title: '报到时间', dataIndex: 'reportedAt', width: 120, render: (t: string) => when(t) },
  ];
  return (
    <Table rowKey="id" size="middle" loading={loading} dataSource={rows} columns={columns} pagination={false} scroll={{ x: 760 }} data-testid="unit-reports"
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })} locale={{ emptyText: '还没有单位报到' }} />
  );
}
