import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api/client';
import type { OrderView } from '../api/types';
import { useSession } from '../session/SessionContext';
import { OrderFacts } from '../components/OrderFacts';
import { DispatcherActions } from '../components/DispatcherActions';
import { LiaisonActions } from '../components/LiaisonActions';
import { ContactViewsCard } from '../components/ContactViewsCard';
import type { Role } from '../api/types';

const backTo: Record<Role, string> = { dispatcher: '/board', liaison: '/unit', organizer: '/street', admin: '/admin/units', gridworker: '/gridreports' };

/**
 * One order: what the API lets this role see, and the steps this role may take on it now. The resident's
 * phone and address stay masked (?contact=masked) until the person clicks 显示联系方式; that view is audited.
 */
export function OrderPage() {
  const { id = '' } = useParams();
  const { session } = useSession();
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [audited, setAudited] = useState(0);
  const revealed = useRef(false);

  const load = useCallback(async () => {
    try {
      setOrder(await api<OrderView>('GET', `orders/${encodeURIComponent(id)}${revealed.current ? '' : '?contact=masked'}`));
      setError(null);
      if (revealed.current) setAudited((n) => n + 1);
    } catch (e) {
      setOrder(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', '工单加载失败，请稍后再试。'));
    }
  }, [id]);

  useEffect(() => { revealed.current = false; setOrder(null); setError(null); void load(); }, [load]);

  const reveal = async () => {
    setRevealing(true);
    revealed.current = true;
    try { await load(); } finally { setRevealing(false); }
  };

  const changed = (o: OrderView) => { setOrder(o); if (o.contactVisible) setAudited((n) => n + 1); };

  const back = session ? backTo[session.role] : '/';
  const backLink = <Link to={back}><Button icon={<ArrowLeftOutlined />}>返回列表</Button></Link>;

  if (error) {
    const status = error.status === 403 ? '403' : error.status === 404 ? '404' : 'error';
    return <Result status={status} title={error.status === 403 ? '无权查看' : error.status === 404 ? '工单不存在' : '加载失败'}
      subTitle={<span data-testid="order-error">{error.message}</span>} extra={backLink} />;
  }
  if (!order) return <Card><Skeleton active /></Card>;

  const mayDispatch = session?.role === 'dispatcher' && (order.status === 'placed' || order.status === 'declined');
  const isOurs = session?.role === 'liaison' && order.unit?.id === session.scope;
  const mayAudit = session?.role === 'dispatcher' || session?.role === 'organizer' || session?.role === 'admin';
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        {backLink}
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
      </div>
      {mayDispatch && <DispatcherActions order={order} onChanged={changed} reload={load} />}
      {isOurs && <LiaisonActions order={order} onChanged={changed} reload={load} />}
      <Card className="order-card"><OrderFacts order={order} onReveal={() => void reveal()} revealing={revealing} /></Card>
      {mayAudit && <ContactViewsCard orderId={order.id} refresh={audited} />}
    </div>
  );
}
