// 编辑网格: rename a grid, move its centre, change its "3+X" team. Read with its ETag, saved If-Match, so two staff
// editing at once do not overwrite each other (the second is told to reload).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import { ApiError, apiTagged } from '../api/client';
import type { GridView } from '../api/grids';
import { GridFields, gridBody, gridValues, type GridValues } from './GridFields';
import { useWrites } from './WriteScope';

export function GridEditDrawer({ id, onClose, onSaved }: { id: string | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<GridValues>();
  const [etag, setEtag] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const { button, begin, end } = useWrites();

  const read = async (gridId: string) => {
    try {
      const { data, etag: tag } = await apiTagged<GridView>('GET', `grids/${encodeURIComponent(gridId)}`);
      form.setFieldsValue(gridValues(data));
      setEtag(tag);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '网格加载失败，请稍后再试。');
    }
  };
  useEffect(() => { if (id) { setEtag(undefined); void read(id); } }, [id]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (v: GridValues) => {
    if (!id || !begin('grid')) return;
    try {
      await apiTagged('PUT', `grids/${encodeURIComponent(id)}`, gridBody(v), etag);
      message.success('已保存网格。');
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存未能完成，请稍后再试。');
    } finally { end(); }
  };

  return (
    <Drawer title="编辑网格" open={!!id} onClose={onClose} width={640} destroyOnHidden
      extra={<Space><Button onClick={onClose}>取消</Button><Button type="primary" {...button('grid', !etag)} onClick={() => form.submit()}>保存</Button></Space>}>
      <div data-testid="grid-edit">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }}
        action={id && <Button size="small" onClick={() => void read(id)}>重新读取</Button>} />}
      <Form form={form} name="grid-edit" layout="vertical" onFinish={(v) => void save(v)} onValuesChange={() => setError(null)}>
        <GridFields editing />
      </Form>
      </div>
    </Drawer>
  );
}
