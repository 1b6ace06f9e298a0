// 导出记录: who exported the street's indicators or scorecard, when, what and in which scope (the organizer's audit).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { exportRecords, type ExportRecord } from '../api/evaluation';

const when = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function ExportRecordsTable() {
  const [items, setItems] = useState<ExportRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try { setItems((await exportRecords()).items); setError(null); } catch (e) { setError(e instanceof ApiError ? e.message : '导出记录加载失败，请稍后再试。'); }
  }, []);
  useEffect(() => { void load(); }, [load]);
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }}>
        <span className="muted">每次导出考核指标或评议成绩都会记录在这里（最近 100 次）。</span>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>刷新</Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table data-testid="export-records" size="small" rowKey={(r) => `${r.at}-${r.fileName}-${r.by}`} loading={items === null && !error} dataSource={items ?? []}
        pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: '还没有导出记录。' }}
        columns={[
          { title: '时间', dataIndex: 'at', render: when },
          { title: '导出人', dataIndex: 'by', render: (by: string, r: ExportRecord) => <>{by} <Tag>{r.roleName}</Tag></> },
          { title: '内容', dataIndex: 'whatText' },
          { title: '期间', dataIndex: 'periodText' },
          { title: '范围', key: 'scope', render: (_: unknown, r: ExportRecord) => r.unitName ?? r.communityName ?? '全街道' },
          { title: '格式', dataIndex: 'format', render: (f: string) => (f === 'csv' ? 'CSV' : 'Excel') },
          { title: '文件名', dataIndex: 'fileName' },
        ]} />
    </>
  );
}
