import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Image, Input, List, Modal, Result, Skeleton, Space, Tag, Typography, Upload, type UploadFile,
} from 'antd';
import { ArrowLeftOutlined, CameraOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, fileToBase64 } from '../api/client';
import { claimStatusNames, projectPath, projectPhotoUrl, projectStatus, type ProjectClaim, type ProjectView } from '../api/projects';
import { useSession } from '../session/SessionContext';
import { useAction } from '../components/useAction';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';
import { when } from '../format';

/** Projects run across years: dates with the year. */
const day = (iso: string) => dayjs(iso).format('YYYY年M月D日');

/**
 * One project. Staff who manage it: 发布 a draft, approve or decline claims (with a reason), 开始实施, 结项 with a summary,
 * 取消; the milestones with every unit's reports and photos. A liaison: the project, 认领 with its commitment (认领协议),
 * its own claim, and — once approved and started — its report per milestone with photos, from a phone.
 */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const [project, setProject] = useState<ProjectView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setProject(await api<ProjectView>('GET', projectPath(id)));
      setError(null);
    } catch (e) {
      setProject(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', '项目加载失败，请稍后再试。'));
    }
  }, [id]);
  useEffect(() => { setProject(null); void load(); }, [load]);
  const { run } = useAction(load, '项目');
  const post = (action: string, body?: unknown) => async () => setProject(await api<ProjectView>('POST', projectPath(id, action), body));

  const liaison = session?.role === 'liaison';
  const backLink = <Link to={liaison ? '/unit/projects' : '/projects'}><Button icon={<ArrowLeftOutlined />}>返回项目</Button></Link>;
  if (error) {
    return <Result status={error.status === 403 ? '403' : error.status === 404 ? '404' : 'error'}
      title={error.status === 403 ? '无权查看' : error.status === 404 ? '项目不存在' : '加载失败'}
      subTitle={<span data-testid="project-error">{error.message}</span>} extra={backLink} />;
  }
  if (!project) return <Card><Skeleton active /></Card>;

  const status = projectStatus(project.status);
  const mine = liaison ? project.claims.filter((c) => c.unitId === session?.scope) : [];
  const myClaim = mine.find((c) => c.status !== 'declined');
  const claimable = liaison && !myClaim && project.status === 'published';

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        {backLink}
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
      </div>
      {!liaison && <StaffActions project={project} run={run} post={post} />}
      {claimable && <ClaimCard project={project} run={run} post={post} />}
      <Card className="order-card">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-title">{project.title}</Typography.Title>
            <Tag color={status.color} data-testid="project-status">{project.statusName}</Tag>
            <Tag>{project.category}</Tag>
          </Space>
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="项目目标" span={2}><div className="order-text">{project.goal}</div></Descriptions.Item>
            <Descriptions.Item label="周期">{day(project.startsOn)} 至 {day(project.endsOn)}</Descriptions.Item>
            <Descriptions.Item label="认领名额">已占 {project.placesTaken} / 需要 {project.unitsWanted}（通过 {project.approved}）</Descriptions.Item>
            {project.summary && <Descriptions.Item label="结项总结" span={2}><div className="order-text">{project.summary}</div></Descriptions.Item>}
          </Descriptions>
        </Space>
      </Card>
      <ClaimsCard project={project} liaison={liaison} run={run} post={post} />
      <MilestonesCard project={project} liaisonUnit={liaison && myClaim?.status === 'approved' ? session!.scope : undefined} run={run} post={post} />
    </div>
  );
}

type Run = ReturnType<typeof useAction>['run'];
type Post = (action: string, body?: unknown) => () => Promise<void>;
interface Props { project: ProjectView; run: Run; post: Post }

/** What the managing staff may do now; the API checks role and scope again. */
function StaffActions({ project, run, post }: Props) {
  const [asking, setAsking] = useState<'close' | 'cancel' | null>(null);
  const { button } = useWrites();
  const [text, setText] = useState('');
  const s = project.status;
  const pending = project.claims.filter((c) => c.status === 'pending').length;
  const ask = async () => {
    const ok = asking === 'close'
      ? await run('close', post('close', { text: text.trim() }), '项目已结项。')
      : await run('cancel', post('cancel', { text: text.trim() }), '项目已取消。');
    if (ok) { setAsking(null); setText(''); }
  };
  if (s === 'closed' || s === 'cancelled') return null;
  return (
    <Card title="项目操作" className="order-card">
      {s === 'draft' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="草稿只有工作人员能看到。发布后，本街道的成员单位即可认领。" />}
      {(s === 'published' || s === 'full') && pending > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`有 ${pending} 个认领等待审核（见下方认领单位）。`} />}
      {(s === 'published' || s === 'full') && project.approved === 0 && <p className="muted">至少通过一个认领后才能开始实施。</p>}
      <Space wrap>
        {s === 'draft' && <WriteButton write="publish" type="primary" data-testid="project-publish"
          onClick={() => void run('publish', post('publish'), '项目已发布，成员单位可以认领了。')}>发布</WriteButton>}
        {(s === 'published' || s === 'full') && <WriteButton write="start" type="primary" disabled={project.approved === 0} data-testid="project-start"
          onClick={() => void run('start', post('start'), '项目已开始实施，节点到期前会提醒单位。')}>开始实施</WriteButton>}
        {s === 'in_progress' && <WriteButton type="primary" onClick={() => setAsking('close')} data-testid="project-close">结项</WriteButton>}
        <WriteButton danger onClick={() => setAsking('cancel')} data-testid="project-cancel">取消项目</WriteButton>
      </Space>
      <Modal title={asking === 'close' ? '结项' : '取消项目'} open={asking !== null} okText="确认" cancelText="返回"
        okButtonProps={button(asking ?? undefined, text.trim().length === 0)}
        onOk={() => void ask()} onCancel={() => setAsking(null)}>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={asking === 'close' ? 1000 : 200}
          placeholder={asking === 'close' ? '结项总结：做了什么、服务了多少人次' : '取消的原因'} data-testid="project-text" />
      </Modal>
    </Card>
  );
}

/** 认领 with the 认领协议: what the unit will provide and by when, and its promise to be evaluated on it. */
function ClaimCard({ project, run, post }: Props) {
  const [commitment, setCommitment] = useState('');
  const [provideBy, setProvideBy] = useState<Dayjs | null>(null);
  const [agreed, setAgreed] = useState(false);
  const claim = () => run('claim', post('claims', { commitment: commitment.trim(), provideBy: provideBy!.endOf('day').toISOString() }),
    '已提交认领，等待街道或社区审核。');
  return (
    <Card title="认领项目" className="order-card" data-testid="claim-card">
      <p>还有 {project.unitsWanted - project.placesTaken} 个名额。请写明本单位将提供什么、何时提供——这是认领协议，结项时按承诺评议。</p>
      <Form layout="vertical">
        <Form.Item label="承诺内容" required>
          <Input.TextArea value={commitment} onChange={(e) => setCommitment(e.target.value)} maxLength={500} showCount rows={3}
            placeholder="例如：每月派两名医生到社区义诊，提供血压血糖检测" data-testid="claim-commitment" />
        </Form.Item>
        <Form.Item label="承诺完成日期" required>
          <DatePicker value={provideBy} onChange={setProvideBy} data-testid="claim-date" />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)} data-testid="claim-agree">本单位同意认领协议：按承诺提供服务，按节点填报进展，接受承诺评议。</Checkbox>
        </Form.Item>
        <WriteButton write="claim" type="primary" size="large" block disabled={!commitment.trim() || !provideBy || !agreed}
          onClick={() => void claim()} data-testid="claim-submit">提交认领</WriteButton>
      </Form>
    </Card>
  );
}

function ClaimsCard({ project, liaison, run, post }: Props & { liaison: boolean }) {
  const [declining, setDeclining] = useState<ProjectClaim | null>(null);
  const { button } = useWrites();
  const [reason, setReason] = useState('');
  const manage = !liaison && (project.status === 'published' || project.status === 'full' || project.status === 'in_progress');
  const decline = async () => {
    if (!declining) return;
    if (await run(`decline-${declining.claimId}`, post(`claims/${declining.claimId}/decline`, { text: reason.trim() }), '已退回认领，名额已释放。')) {
      setDeclining(null); setReason('');
    }
  };
  return (
    <Card title={liaison ? '认领情况' : '认领单位'} size="small" className="order-card" data-testid="project-claims">
      <List<ProjectClaim>
        dataSource={project.claims}
        locale={{ emptyText: project.status === 'draft' ? '发布后单位才能认领' : '还没有单位认领' }}
        renderItem={(c) => (
          <List.Item data-testid={`claim-${c.unitId}`} actions={manage && c.status === 'pending' ? [
            <WriteButton key="a" write={`approve-${c.claimId}`} type="primary" size="small" data-testid={`approve-${c.unitId}`}
              onClick={() => void run(`approve-${c.claimId}`, post(`claims/${c.claimId}/approve`), `已通过${c.unitName}的认领。`)}>通过</WriteButton>,
            <WriteButton key="d" size="small" onClick={() => setDeclining(c)} data-testid={`decline-${c.unitId}`}>不通过</WriteButton>,
          ] : undefined}>
            <List.Item.Meta
              title={<span>{c.unitName} <Tag color={claimStatusNames[c.status]?.color}>{claimStatusNames[c.status]?.name ?? c.status}</Tag></span>}
              description={<div>
                <div className="order-text" style={{ color: 'rgba(0, 0, 0, 0.88)' }}>承诺：{c.commitment}</div>
                <div className="muted">承诺完成：{day(c.provideBy)} · 认领于 {when(c.claimedAt)}</div>
                {c.declineReason && <div className="order-text">不通过的理由：{c.declineReason}</div>}
              </div>}
            />
          </List.Item>
        )}
      />
      <Modal title={`不通过：${declining?.unitName ?? ''}`} open={declining !== null} okText="确认" cancelText="返回"
        okButtonProps={button(declining ? `decline-${declining.claimId}` : undefined, reason.trim().length === 0)}
        onOk={() => void decline()} onCancel={() => setDeclining(null)}>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={200}
          placeholder="请说明理由，单位会看到，例如：服务内容与项目不符" data-testid="decline-reason" />
      </Modal>
    </Card>
  );
}

/** The milestones with each unit's report and photos; an approved unit's own report form while the project is in progress. */
function MilestonesCard({ project, liaisonUnit, run, post }: Props & { liaisonUnit?: string }) {
  if (project.milestones.length === 0) return null;
  return (
    <Card title="节点进展" size="small" className="order-card" data-testid="project-milestones">
      <List
        dataSource={project.milestones}
        renderItem={(m) => {
          const reportable = liaisonUnit && project.status === 'in_progress' && !m.reports.some((r) => r.unitId === liaisonUnit);
          return (
            <List.Item data-testid={`milestone-${m.id}`}>
              <div style={{ width: '100%' }}>
                <div><strong>{m.title}</strong> <span className="muted">截止 {day(m.dueAt)}</span> {m.escalated && <Tag color="red">已督办</Tag>}</div>
                {m.reports.length === 0 && <div className="muted">还没有单位填报</div>}
                {m.reports.map((r) => (
                  <div key={r.unitId} style={{ marginTop: 8 }}>
                    <div><Tag color="green">{r.unitName}</Tag><span className="muted">{when(r.at)}</span></div>
                    <div className="order-text">{r.text}</div>
                    {r.photoIds.length > 0 && (
                      <Image.PreviewGroup>
                        <div className="photo-row" style={{ marginTop: 4 }}>
                          {r.photoIds.map((p) => <Image key={p} width={96} height={96} style={{ objectFit: 'cover' }} src={projectPhotoUrl(project.id, p)} alt={`${r.unitName}的进展照片`} />)}
                        </div>
                      </Image.PreviewGroup>
                    )}
                  </div>
                ))}
                {reportable && <ReportForm milestoneId={m.id} run={run} post={post} />}
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

function ReportForm({ milestoneId, run, post }: { milestoneId: string; run: Run; post: Post }) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const report = () => run(`report-${milestoneId}`, async () => {
    const images = await Promise.all(photos.map((p) => fileToBase64(p.originFileObj as Blob)));
    await post(`milestones/${milestoneId}/reports`, { text: text.trim(), ...(images.length ? { photos: images } : {}) })();
  }, '进展已填报。');
  return (
    <div style={{ marginTop: 8, padding: 8, background: '#fafafa', borderRadius: 6 }}>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={1000} placeholder="本节点做了什么、服务了多少人次" />
      <Upload listType="picture-card" accept="image/jpeg,image/png,image/webp" multiple fileList={photos} beforeUpload={() => false}
        onChange={({ fileList }) => setPhotos(fileList.slice(0, 6))} style={{ marginTop: 8 }}>
        {photos.length < 6 && <div><CameraOutlined /><div style={{ marginTop: 4 }}>拍照/选图</div></div>}
      </Upload>
      <WriteButton write={`report-${milestoneId}`} type="primary" block disabled={!text.trim()} onClick={() => void report()}>填报进展</WriteButton>
    </div>
  );
}
