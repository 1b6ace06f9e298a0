// A grid's fields (name, number, area, centre, radius) and its "3+X" team, shared by 新建网格 and 编辑网格.
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { memberRoles, type GridView } from '../api/grids';

export interface GridValues { slug: string; name: string; area?: string; centreLat: number; centreLon: number; radiusMetres: number; team?: { role: string; name: string; phone?: string }[] }

/** The body of POST and PUT /api/grids from the form's values (an empty phone left out). */
export const gridBody = (v: GridValues) => ({
  name: v.name, area: v.area, centreLat: v.centreLat, centreLon: v.centreLon, radiusMetres: v.radiusMetres,
  team: (v.team ?? []).map((m) => ({ role: m.role, name: m.name, phone: m.phone || undefined })),
});

export const gridValues = (g: GridView): GridValues => ({
  slug: g.id.split('.').pop() ?? g.id, name: g.name, area: g.area, centreLat: g.centreLat, centreLon: g.centreLon, radiusMetres: g.radiusMetres,
  team: g.team.map((m) => ({ role: m.role, name: m.name, phone: m.phone })),
});

export function GridFields({ editing }: { editing?: boolean }) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={editing ? 12 : 6}><Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写网格名称' }]}><Input maxLength={30} placeholder="第六网格" /></Form.Item></Col>
        {!editing && (
          <Col xs={24} md={6}><Form.Item name="slug" label="编号" rules={[{ required: true, pattern: /^[a-z0-9-]{2,40}$/, message: '小写字母、数字和连字符' }]}><Input placeholder="diliu" /></Form.Item></Col>
        )}
        <Col xs={24} md={12}><Form.Item name="area" label="范围"><Input maxLength={200} placeholder="包括的小区、楼栋" /></Form.Item></Col>
        <Col xs={8} md={editing ? 8 : 6}><Form.Item name="centreLat" label="中心纬度" rules={[{ required: true, message: '必填' }]}><InputNumber style={{ width: '100%' }} step={0.0001} /></Form.Item></Col>
        <Col xs={8} md={editing ? 8 : 6}><Form.Item name="centreLon" label="中心经度" rules={[{ required: true, message: '必填' }]}><InputNumber style={{ width: '100%' }} step={0.0001} /></Form.Item></Col>
        <Col xs={8} md={editing ? 8 : 6}><Form.Item name="radiusMetres" label="半径（米）" rules={[{ required: true, message: '必填' }]}><InputNumber style={{ width: '100%' }} min={50} max={5000} /></Form.Item></Col>
      </Row>
      <div style={{ marginBottom: 8 }}>网格团队（网格长、网格指导员、网格员和志愿者；电话只对工作人员显示）</div>
      <Form.List name="team">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f) => (
              <Space key={f.key} wrap>
                <Form.Item name={[f.name, 'role']} noStyle><Select aria-label="角色" style={{ width: 120 }} options={memberRoles} /></Form.Item>
                <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, message: '姓名' }]}><Input aria-label="姓名" placeholder="姓名" maxLength={20} style={{ width: 140 }} /></Form.Item>
                <Form.Item name={[f.name, 'phone']} noStyle><Input aria-label="电话" placeholder="电话（可选）" style={{ width: 160 }} /></Form.Item>
                <MinusCircleOutlined aria-label="移除" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ role: 'volunteer', name: '' })}>添加团队成员</Button>
          </Space>
        )}
      </Form.List>
    </>
  );
}
