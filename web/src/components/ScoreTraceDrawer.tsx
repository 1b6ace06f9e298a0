import { useEffect, useState } from 'react';
import { Alert, Drawer, Table } from 'antd';
import { ApiError } from '../api/client';
import { shown, trace, type Trace } from '../api/evaluation';

/** 得分依据: the records (or dispatched orders) behind a unit's indicator, each with what it adds. */
export function ScoreTraceDrawer({ year, unit, indicator, unitOf, onClose }: { year: number; unit?: string; indicator?: string; unitOf?: string; onClose: () => void }) {
  const [data, setData] = useState<Trace | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    if (!unit || !indicator) return;
    trace(year, unit, indicator).then(setData, (e) => setError(e instanceof ApiError ? e.message : '得分依据加载失败，请稍后再试。'));
  }, [year, unit, indicator]);
  return (
    <Drawer open={!!unit && !!indicator} onClose={onClose} size="large" title={data ? `${data.unitName} · ${data.indicatorName}：${shown(data.value, unitOf)}` : '得分依据'}>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <div data-testid="trace">
          <p className="muted">{data.definition}</p>
          <Table size="small" rowKey={(r, i) => `${r.sourceId}-${i}`} dataSource={data.items} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '没有计入的记录' }}
            columns={[
              { title: '类型', dataIndex: 'kindText', width: 100 },
              { title: '编号', dataIndex: 'sourceId', width: 170 },
              { title: '内容', dataIndex: 'title' },
              { title: '时间', dataIndex: 'at', width: 120, render: (v: string) => new Date(v).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
              { title: '计入', dataIndex: 'value', width: 70, align: 'right' as const },
            ]} />
        </div>
      )}
    </Drawer>
  );
}
