import { useEffect, useState } from 'react';
import { Card, Empty, Table } from 'antd';
import { api, ApiError } from '../api/client';
import type { ContactViews } from '../api/types';
import { when } from '../format';

/** 联系方式查看记录: who saw the resident's unmasked phone and address on this order — or, with `path`, a wish (PIPL audit). */
export function ContactViewsCard({ orderId, refresh, path }: { orderId: string; refresh: number; path?: string }) {
  const [views, setViews] = useState<ContactViews | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api<ContactViews>('GET', path ?? `orders/${encodeURIComponent(orderId)}/contact-views`)
      .then((v) => { if (!cancelled) { setViews(v); setError(null); } })
      .catch((e: unknown) => { if (!cancelled) setError(e instanceof ApiError ? e.message : '查看记录加载失败。'); });
    return () => { cancelled = true; };
  }, [orderId, refresh, path]);

  return (
    <Card title="联系方式查看记录" size="small" className="order-card" data-testid="contact-views">
      {error ? <span className="muted">{error}</span> : (
        <Table
          size="small"
          rowKey={(r) => r.at + r.keyId}
          loading={views === null}
          pagination={false}
          dataSource={views?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有人查看过未打码的联系方式" /> }}
          columns={[
            { title: '时间', dataIndex: 'at', render: (at: string) => when(at) },
            { title: '查看人', dataIndex: 'name' },
            { title: '角色', dataIndex: 'roleName' },
            { title: '途径', dataIndex: 'viaName' },
            { title: '密钥编号', dataIndex: 'keyId', render: (k: string) => <code>{k}</code> },
          ]}
        />
      )}
    </Card>
  );
}
