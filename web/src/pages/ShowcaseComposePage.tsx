import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, Result, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, EyeOutlined, SendOutlined } from '@ant-design/icons';
import { api, apiHtml, ApiError, photoUrl } from '../api/client';
import type { OrderPage, OrderSummary, OrderView, PhotoChoice, Showcase, ShowcaseDraft } from '../api/types';
import { useSession } from '../session/SessionContext';
import { when } from '../format';
import { useWrites } from '../components/WriteScope';

/** The console's own style nonce: the preview frame inherits the console's policy, so its stylesheet must carry it. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';

/**
 * 组织晒单: pick the street's confirmed orders, choose per order the before/after photos to show, write title
 * and story, see the page exactly as the public will (the API renders it with the public page's own template),
 * then publish. The API refuses personal data in title or story; its message is shown as it is.
 */
export function ShowcaseComposePage() {
  const { session } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const streetId = session?.scope ?? '';
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [views, setViews] = useState<Record<string, OrderView>>({});
  const [choices, setChoices] = useState<Record<string, PhotoChoice>>({});
  const [title, setTitle] = useState('');
  const [story, setStory] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { button, begin, end } = useWrites();
  const [published, setPublished] = useState<Showcase | null>(null);

  useEffect(() => {
    api<OrderPage>('GET', `orders?streetId=${encodeURIComponent(streetId)}&status=confirmed&pageSize=100`)
      .then((p) => setOrders(p.items))
      .catch((e: unknown) => { setOrders([]); setProblem(e instanceof ApiError ? e.message : '工单加载失败。'); });
  }, [streetId]);

  // Each chosen order's photos (masked view: an organizer never needs the contact).
  useEffect(() => {
    for (const id of selected) {
      if (views[id]) continue;
      api<OrderView>('GET', `orders/${encodeURIComponent(id)}?contact=masked`).then((v) => {
        setViews((all) => ({ ...all, [id]: v }));
        setChoices((all) => all[id] ? all : { ...all, [id]: { orderId: id, before: [], after: v.afterPhotos.map(photoIdOf) } });
      }).catch(() => undefined);
    }
  }, [selected, views]);

  const draft: ShowcaseDraft = useMemo(() => ({
    title: title.trim(), story: story.trim(), orderIds: selected,
    photos: selected.map((id) => choices[id]).filter((c): c is PhotoChoice => !!c),
  }), [title, story, selected, choices]);

  // Any change makes the preview out of date: publish only what was previewed.
  useEffect(() => { setPreview(null); }, [draft]);

  const act = async (what: 'preview' | 'publish') => {
    if (!begin(what)) return;
    setProblem(null);
    try {
      if (what === 'preview') {
        setPreview(withNonce(await apiHtml('POST', 'showcases/preview', draft)));
      } else {
        const showcase = await api<Showcase>('POST', 'showcases', draft);
        setPublished(showcase);
        message.success('晒单已发布。');
      }
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : '未能完成，请稍后再试。');
    } finally {
      end();
    }
  };

  const toggle = (orderId: string, kind: 'before' | 'after', photo: string, on: boolean) =>
    setChoices((all) => {
      const c = all[orderId] ?? { orderId, before: [], after: [] };
      const list = on ? [...c[kind], photo] : c[kind].filter((p) => p !== photo);
      return { ...all, [orderId]: { ...c, [kind]: list } };
    });

  if (published) {
    const href = `/api/pages/showcases/${encodeURIComponent(published.streetId)}/${encodeURIComponent(published.id)}`;
    return (
      <Result status="success" title="晒单已发布" subTitle={published.title}
        extra={[
          <a key="open" href={href} target="_blank" rel="noreferrer" data-testid="public-link"><Button type="primary">打开公开页面</Button></a>,
          <Link key="back" to="/street"><Button>返回总览</Button></Link>,
        ]} />
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/street')}>返回总览</Button>
      </div>
      <Card title="1. 选择已评价的工单" size="small">
        <Table
          size="small" rowKey="id" loading={orders === null} dataSource={orders ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本街道还没有居民已评价的工单" /> }}
          columns={[
            { title: '工单', dataIndex: 'id' },
            { title: '类别', dataIndex: 'categoryName' },
            { title: '承办单位', dataIndex: 'unit', render: (u?: OrderSummary['unit']) => u?.name ?? '' },
            { title: '诉求', dataIndex: 'summary', ellipsis: true },
            { title: '点单时间', dataIndex: 'placedAt', render: (at: string) => when(at) },
          ]}
        />
      </Card>
      {selected.length > 0 && (
        <Card title="2. 选择要公开的照片" size="small" data-testid="photo-choices">
          <Typography.Paragraph className="muted">处理前照片可能拍到居民家中，请只选择不含人脸、门牌和个人物品的照片。</Typography.Paragraph>
          {selected.map((id) => {
            const v = views[id];
            if (!v) return <div key={id} className="muted">{id}：正在加载照片…</div>;
            const c = choices[id];
            return (
              <div key={id} style={{ marginBottom: 12 }}>
                <strong>{id}</strong> <span className="muted">{v.categoryName} · {v.unit?.name}</span>
                <PhotoPicker label="处理前" orderId={id} photos={v.beforePhotos} chosen={c?.before ?? []} onToggle={(p, on) => toggle(id, 'before', p, on)} />
                <PhotoPicker label="办结后" orderId={id} photos={v.afterPhotos} chosen={c?.after ?? []} onToggle={(p, on) => toggle(id, 'after', p, on)} />
              </div>
            );
          })}
        </Card>
      )}
      <Card title="3. 标题和故事" size="small">
        <Form layout="vertical">
          <Form.Item label="标题" required>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={60} showCount data-testid="showcase-title" placeholder="例如：楼道亮了，居民心也亮了" />
          </Form.Item>
          <Form.Item label="故事" required extra="请勿写入居民姓名、电话、门牌号；发布前系统会检查。">
            <Input.TextArea value={story} onChange={(e) => setStory(e.target.value)} maxLength={5000} rows={5} showCount data-testid="showcase-story" />
          </Form.Item>
        </Form>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="compose-problem" />}
        <Space wrap>
          <Button icon={<EyeOutlined />} {...button('preview', !title.trim() || !story.trim() || selected.length === 0)}
            onClick={() => void act('preview')} data-testid="preview">预览</Button>
          <Button type="primary" icon={<SendOutlined />} {...button('publish', !preview)}
            onClick={() => void act('publish')} data-testid="publish">发布</Button>
          {!preview && <span className="muted">预览后才能发布</span>}
        </Space>
      </Card>
      {preview && (
        <Card title="4. 预览（与公开页面一致）" size="small">
          <iframe title="晒单预览" className="preview-frame" sandbox="allow-same-origin" srcDoc={preview} data-testid="preview-frame" />
        </Card>
      )}
    </Space>
  );
}

function PhotoPicker({ label, orderId, photos, chosen, onToggle }:
  { label: string; orderId: string; photos: string[]; chosen: string[]; onToggle(photo: string, on: boolean): void }) {
  if (photos.length === 0) return <div className="muted">{label}：无照片</div>;
  return (
    <div className="photo-pick">
      <span>{label}：</span>
      {photos.map((p) => {
        const id = photoIdOf(p);
        return (
          <div key={p} className="photo-pick-item">
            <img src={photoUrl(orderId, p)} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} alt={`${label}照片`} />
            <Checkbox checked={chosen.includes(id)} onChange={(e) => onToggle(id, e.target.checked)} data-testid={`pick-${label}-${id}`}>公开</Checkbox>
          </div>
        );
      })}
    </div>
  );
}

/** The photo id from the order's photo address (/api/orders/{id}/photos/{photoId}). */
const photoIdOf = (address: string) => decodeURIComponent(address.split('/').pop() ?? address);

/** The preview page's own stylesheet, admitted by the console's nonce (the frame inherits the console's policy). */
const withNonce = (html: string) => (nonce ? html.replace(/<style(?=[\s>])/g, `<style nonce="${nonce}"`) : html);
