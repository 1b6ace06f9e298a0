import { useCallback, useEffect, useState } from 'react';
import { Alert, Descriptions, Drawer, Input, List, Modal, Progress, Tag } from 'antd';
import { api, ApiError } from '../api/client';
import { acceptUnitReport, commitmentKindNames, getUnitReport, meetCommitment, type Commitment, type UnitReport } from '../api/people';
import { when } from '../format';
import { useAction } from './useAction';
import { WriteButton } from './WriteButton';
import { useWrites } from './WriteScope';

/**
 * A unit's 报到 with its commitments (设岗定责: posts, resources, service items) and which are met. The community's staff
 * accept it and mark a commitment met with what shows it; the unit's liaison reads it.
 */
export function UnitReportDrawer({ id, staff, onClose, onChanged }: { id: string | null; staff: boolean; onClose: () => void; onChanged: () => void }) {
  const [report, setReport] = useState<UnitReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [meeting, setMeeting] = useState<Commitment | null>(null);
  const [evidence, setEvidence] = useState('');
  const [titles, setTitles] = useState<Record<string, string>>({});
  const load = useCallback(async () => {
    if (!id) return;
    try {
      setReport(await getUnitReport(id));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '报到读取失败，请稍后再试。');
    }
  }, [id]);
  useEffect(() => { setReport(null); void load(); }, [load]);
  // A resource commitment names the 资源清单 entry by id: show its title (the entry may be retired or out of reach: keep the id).
  useEffect(() => {
    const ids = report?.commitments.filter((c) => c.kind === 'resource').map((c) => c.title) ?? [];
    void Promise.all(ids.map((rid) => api<{ title: string }>('GET', `resources/${encodeURIComponent(rid)}`).then((r) => [rid, r.title] as const).catch(() => [rid, rid] as const)))
      .then((pairs) => setTitles(Object.fromEntries(pairs)));
  }, [report]);
  const { run } = useAction(load, '报到');
  const { button } = useWrites();

  const accept = async () => {
    if (id && await run('accept', async () => { await acceptUnitReport(id); await load(); }, '已接收报到。')) onChanged();
  };
  const meet = async () => {
    if (!id || !meeting) return;
    if (await run('meet', async () => { await meetCommitment(id, meeting.id, evidence.trim()); await load(); }, '已确认兑现。')) { setMeeting(null); onChanged(); }
  };

  return (
    <Drawer title={report ? `${report.unitName} · ${report.year} 年报到` : '单位报到'} open={id !== null} onClose={onClose} width={560}
      extra={staff && report?.status === 'reported' ? <WriteButton write="accept" type="primary" data-testid="accept-report" onClick={() => void accept()}>接收报到</WriteButton> : null}>
      {error && <Alert type="error" showIcon title={error} />}
      {report && (
        <div data-testid="unit-report">
          <Descriptions size="small" column={1} items={[
            { key: 's', label: '状态', children: <Tag color={report.status === 'accepted' ? 'green' : 'blue'}>{report.statusName}</Tag> },
            { key: 'c', label: '报到社区', children: report.communityName },
            { key: 'r', label: '报到时间', children: when(report.reportedAt) },
            ...(report.acceptedAt ? [{ key: 'a', label: '接收时间', children: when(report.acceptedAt) }] : []),
            { key: 'm', label: '承诺兑现', children: <Progress percent={report.commitmentsMade ? Math.round((100 * report.commitmentsMet) / report.commitmentsMade) : 0}
              format={() => `${report.commitmentsMet}/${report.commitmentsMade}`} size="small" style={{ maxWidth: 240 }} /> },
          ]} />
          <h4 style={{ marginTop: 16 }}>承诺事项（设岗定责）</h4>
          <List<Commitment> size="small" bordered dataSource={report.commitments} locale={{ emptyText: '没有承诺事项' }}
            renderItem={(c) => (
              <List.Item data-testid="commitment" extra={c.met ? <Tag color="green">已兑现</Tag>
                : staff && report.status === 'accepted' ? <WriteButton size="small" onClick={() => { setEvidence(''); setMeeting(c); }}>确认兑现</WriteButton> : <Tag>未兑现</Tag>}>
                <List.Item.Meta title={<span><Tag>{commitmentKindNames[c.kind] ?? c.kind}</Tag>{c.kind === 'resource' ? titles[c.title] ?? c.title : c.title}</span>}
                  description={c.met ? `${when(c.metAt)} · ${c.evidence ?? ''}` : undefined} />
              </List.Item>
            )} />
          {staff && report.status === 'reported' && <p className="muted" style={{ marginTop: 8 }}>接收报到后，才能逐项确认承诺兑现。</p>}
        </div>
      )}
      <Modal open={meeting !== null} title={`确认兑现：${meeting?.title ?? ''}`} okText="确认" cancelText="取消"
        okButtonProps={button('meet', evidence.trim().length === 0)} onOk={() => void meet()} onCancel={() => setMeeting(null)}>
        <Input.TextArea rows={3} maxLength={200} showCount value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder="兑现情况，例如：3月参加楼道议事会2次" />
      </Modal>
    </Drawer>
  );
}
