import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Image, Input, Modal, Radio, Result, Skeleton, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { ArrowLeftOutlined, CameraOutlined, EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError, fileToBase64 } from '../api/client';
import { wishPath, wishStatusColor, type WishContact, type WishView } from '../api/wishes';
import { useSession } from '../session/SessionContext';
import { useAction } from '../components/useAction';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';
import { ContactViewsCard } from '../components/ContactViewsCard';
import { when } from '../format';

const claimerKinds: Record<string, string> = { unit: '共建单位', partyMember: '党员志愿者', volunteer: '爱心志愿者' };

/**
 * One 微心愿 for the community's staff: the resident's words and contact (masked until 显示联系方式, each unmasked view
 * audited as for orders), 审核 — the public text and the name shown (a nickname or 某居民) — and 发布, or 不予发布 with a
 * reason; the claim; 代为上报实现 with photos and 代居民确认.
 */
export function WishPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const [wish, setWish] = useState<WishView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [audited, setAudited] = useState(0);
  const revealed = useRef(false);
  const query = () => (revealed.current ? '' : '?contact=masked');

  const load = useCallback(async () => {
    try {
      setWish(await api<WishView>('GET', wishPath(id) + (revealed.current ? '' : '?contact=masked')));
      setError(null);
      if (revealed.current) setAudited((n) => n + 1);
    } catch (e) {
      setWish(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', '心愿加载失败，请稍后再试。'));
    }
  }, [id]);

  useEffect(() => { revealed.current = false; setWish(null); setError(null); void load(); }, [load]);

  const reveal = async () => {
    setRevealing(true);
    revealed.current = true;
    try { await load(); } finally { setRevealing(false); }
  };
  const changed = (w: WishView) => { setWish(w); if (w.contactVisible) setAudited((n) => n + 1); };
  const act = useAction(load, '心愿');
  const post = (action: string, body?: unknown) => async () => changed(await api<WishView>('POST', wishPath(id, action) + query(), body));

  const backLink = <Link to="/wishes"><Button icon={<ArrowLeftOutlined />}>返回列表</Button></Link>;
  if (error) {
    const status = error.status === 403 ? '403' : error.status === 404 ? '404' : 'error';
    return <Result status={status} title={error.status === 403 ? '无权查看' : error.status === 404 ? '心愿不存在' : '加载失败'}
      subTitle={<span data-testid="wish-error">{error.message}</span>} extra={backLink} />;
  }
  if (!wish) return <Card><Skeleton active /></Card>;

  const staff = session?.role === 'dispatcher' || session?.role === 'organizer' || session?.role === 'admin';
  const contactCell = (c: WishContact | undefined, testId: string) => c && (
    <span>
      <span data-testid={testId}>{c.name} {c.phone}</span>
      {wish.contactWithheld ? (
        <Button size="small" type="link" icon={<EyeOutlined />} loading={revealing} onClick={() => void reveal()} data-testid={`reveal-${testId}`}>显示联系方式</Button>
      ) : !wish.contactVisible && <span className="muted">（已打码）</span>}
    </span>
  );

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        {backLink}
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
      </div>
      {staff && wish.status === 'submitted' && <ReviewCard wish={wish} run={act.run} post={post} />}
      {staff && wish.status === 'claimed' && <FulfilCard run={act.run} post={post} />}
      {staff && wish.status === 'fulfilled' && (
        <Card title="确认实现" className="order-card">
          <p>认领人已上报实现。居民当面或电话确认后，可由您代为确认。</p>
          <WriteButton write="confirm" type="primary" data-testid="wish-confirm"
            onClick={() => void act.run('confirm', post('confirm'), '已代居民确认，心愿圆满完成。')}>代居民确认</WriteButton>
        </Card>
      )}
      <Card className="order-card">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>{wish.id}</Typography.Title>
            <Tag color={wishStatusColor[wish.status] ?? 'default'} data-testid="wish-status">{wish.statusText}</Tag>
            <Tag>{wish.categoryName}</Tag>
          </Space>
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="居民原话" span={2}><div className="order-text" data-testid="wish-text">{wish.text ?? '—'}</div></Descriptions.Item>
            <Descriptions.Item label="社区">{wish.communityName}</Descriptions.Item>
            <Descriptions.Item label="居民">{contactCell(wish.contact, 'wish-contact') ?? <span className="muted">未留联系方式</span>}</Descriptions.Item>
            <Descriptions.Item label="公开内容" span={2}>
              {wish.publicText ? <div className="order-text" data-testid="wish-public-text">{wish.publicText}</div> : <span className="muted">审核发布时填写</span>}
            </Descriptions.Item>
            <Descriptions.Item label="展示名称">{wish.displayName ?? <span className="muted">—</span>}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{when(wish.submittedAt)}</Descriptions.Item>
            {wish.reason && <Descriptions.Item label="理由" span={2}><div className="order-text">{wish.reason}</div></Descriptions.Item>}
          </Descriptions>
          {wish.claimer && (
            <Descriptions title="认领" column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" data-testid="wish-claim">
              <Descriptions.Item label="认领方">{wish.claimer.name}（{claimerKinds[wish.claimer.kind] ?? wish.claimer.kind}）</Descriptions.Item>
              <Descriptions.Item label="认领时间">{when(wish.claimedAt)}</Descriptions.Item>
              {wish.claimerContact && <Descriptions.Item label="认领人联系方式" span={2}>{contactCell(wish.claimerContact, 'claimer-contact')}</Descriptions.Item>}
              {wish.fulfilledAt && <Descriptions.Item label="实现时间">{when(wish.fulfilledAt)}</Descriptions.Item>}
              {wish.confirmedAt && <Descriptions.Item label="确认时间">{when(wish.confirmedAt)}</Descriptions.Item>}
              {wish.fulfilNote && <Descriptions.Item label="实现说明" span={2}><div className="order-text">{wish.fulfilNote}</div></Descriptions.Item>}
            </Descriptions>
          )}
          {wish.photos && wish.photos.length > 0 && (
            <Image.PreviewGroup>
              <div className="photo-row">
                {wish.photos.map((p) => <Image key={p} width={120} height={120} style={{ objectFit: 'cover' }} src={p} alt="心愿实现照片" />)}
              </div>
            </Image.PreviewGroup>
          )}
        </Space>
      </Card>
      {staff && <ContactViewsCard orderId={wish.id} refresh={audited} path={wishPath(wish.id, 'contact-views')} />}
    </div>
  );
}

type Run = ReturnType<typeof useAction>['run'];
type Post = (action: string, body?: unknown) => () => Promise<void>;

/** 审核: the public text (no name, phone or house number — the API checks), the name shown, 发布; or 不予发布 with a reason. */
function ReviewCard({ wish, run, post }: { wish: WishView; run: Run; post: Post }) {
  const { button } = useWrites();
  const [publicText, setPublicText] = useState('');
  const [nameKind, setNameKind] = useState<'anonymous' | 'nickname'>('anonymous');
  const [nickname, setNickname] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const publish = () => run('publish', post('publish', {
    publicText: publicText.trim(), ...(nameKind === 'nickname' && nickname.trim() ? { displayName: nickname.trim() } : {}),
  }), '已发布到心愿墙。');
  const reject = async () => { if (await run('reject', post('reject', { reason: reason.trim() }), '已不予发布，居民可查看理由。')) setRejecting(false); };
  return (
    <Card title="审核发布" className="order-card" data-testid="wish-review">
      <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title="心愿墙是公开的：请用自己的话概括心愿，不要写居民姓名、电话和门牌号。" />
      <Form layout="vertical">
        <Form.Item label="公开内容" required extra={`居民原话：${wish.text ?? ''}`}>
          <Input.TextArea value={publicText} onChange={(e) => setPublicText(e.target.value)} maxLength={120} showCount rows={2}
            placeholder="例如：三年级的小朋友想要一个新书包。" data-testid="wish-public-input" />
        </Form.Item>
        <Form.Item label="展示名称">
          <Radio.Group value={nameKind} onChange={(e) => setNameKind(e.target.value)}>
            <Radio value="anonymous">某居民</Radio>
            <Radio value="nickname" data-testid="wish-nickname-choice">昵称</Radio>
          </Radio.Group>
          {nameKind === 'nickname' && (
            <Input value={nickname} onChange={(e) => setNickname(e.target.value)} maxLength={12} style={{ width: 200, marginTop: 8 }}
              placeholder="例如：小宇奶奶" data-testid="wish-nickname" />
          )}
        </Form.Item>
        <Space wrap>
          <WriteButton write="publish" type="primary" disabled={publicText.trim().length === 0 || (nameKind === 'nickname' && nickname.trim().length === 0)}
            onClick={() => void publish()} data-testid="wish-publish">发布到心愿墙</WriteButton>
          <WriteButton danger onClick={() => setRejecting(true)} data-testid="wish-reject">不予发布</WriteButton>
        </Space>
      </Form>
      <Modal title="不予发布" open={rejecting} okText="确认" cancelText="取消"
        okButtonProps={button('reject', reason.trim().length === 0)}
        onOk={() => void reject()} onCancel={() => setRejecting(false)}>
        <p className="muted">居民凭查询码可以看到理由，请写得礼貌、具体。</p>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} rows={3}
          placeholder="例如：这是设施维修诉求，已转为社区工单办理" data-testid="wish-reject-reason" />
      </Modal>
    </Card>
  );
}

/** 代为上报实现: when the claimer cannot use the chat — a note and 1–3 photos (EXIF stripped by the API). */
function FulfilCard({ run, post }: { run: Run; post: Post }) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const fulfil = () => run('fulfil', async () => {
    const images = await Promise.all(photos.map((p) => fileToBase64(p.originFileObj as Blob)));
    await post('fulfil', { note: note.trim(), photos: images })();
  }, '已上报实现，等待居民确认。');
  return (
    <Card title="代为上报实现" className="order-card">
      <Form layout="vertical">
        <Form.Item label="实现说明" required>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} rows={2} placeholder="例如：新书包已送到小朋友手上" />
        </Form.Item>
        <Form.Item label="照片（1–3 张）" required>
          <Upload listType="picture-card" accept="image/jpeg,image/png,image/webp" multiple fileList={photos} beforeUpload={() => false}
            onChange={({ fileList }) => setPhotos(fileList.slice(0, 3))}>
            {photos.length < 3 && <div><CameraOutlined /><div style={{ marginTop: 4 }}>拍照/选图</div></div>}
          </Upload>
        </Form.Item>
        <WriteButton write="fulfil" type="primary" disabled={note.trim().length === 0 || photos.length === 0} onClick={() => void fulfil()}>上报实现</WriteButton>
      </Form>
    </Card>
  );
}
