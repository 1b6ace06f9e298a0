import { useState } from 'react';
import { Alert, Card, Checkbox, Form, InputNumber, Table, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { fileToBase64 } from '../api/client';
import type { Participant } from '../api/activities';
import type { ActivityProps } from './activityProps';
import { WriteButton } from './WriteButton';

/**
 * 登记出勤 after the end: who came (those checked in are ticked; none checked in, everyone) and each one's hours, at most the
 * activity's length. The hours count towards each person's volunteer hours and the organising unit's record.
 */
export function AttendanceCard({ activity, run, post }: ActivityProps) {
  const registered = activity.participants.filter((p) => !p.waiting);
  // Whole half hours, never more than the activity lasted (the API refuses that).
  const exact = (Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / 3600_000;
  const length = exact >= 0.5 ? Math.floor(exact * 2) / 2 : Math.floor(exact * 100) / 100;
  const anyCheckedIn = registered.some((p) => p.checkedInAt);
  const [came, setCame] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(registered.map((p) => [p.personKey, anyCheckedIn ? !!p.checkedInAt : true])));
  const [hours, setHours] = useState<Record<string, number>>(() => Object.fromEntries(registered.map((p) => [p.personKey, length])));
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const lines = registered.filter((p) => came[p.personKey]).map((p) => ({ personKey: p.personKey, hours: hours[p.personKey] ?? length }));
  const total = lines.reduce((sum, l) => sum + l.hours, 0);
  return (
    <Card title="登记出勤和时长" className="order-card" data-testid="activity-attendance">
      <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title={`每人时长不超过活动时长 ${length} 小时；登记后计入个人志愿时长和单位考核记录，不能再改。`} />
      <Table<Participant>
        rowKey="personKey" size="small" pagination={false} dataSource={registered} locale={{ emptyText: '没有已报名的人' }}
        columns={[
          {
            title: '到场', width: 70,
            render: (_, p) => <Checkbox checked={!!came[p.personKey]} onChange={(e) => setCame({ ...came, [p.personKey]: e.target.checked })}
              data-testid={`came-${p.phone}`} />,
          },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '签到', width: 90, render: (_, p) => (p.checkedInAt ? '已签到' : <span className="muted">未签到</span>) },
          {
            title: '时长（小时）', width: 140,
            render: (_, p) => <InputNumber min={Math.min(0.5, length)} max={length} step={0.5} value={hours[p.personKey]} disabled={!came[p.personKey]}
              onChange={(v) => setHours({ ...hours, [p.personKey]: v ?? length })} data-testid={`hours-${p.phone}`} />,
          },
        ]}
      />
      <Form.Item label="活动照片（可选，最多 9 张；会去除拍摄地点等信息）" style={{ marginTop: 12, marginBottom: 0 }}>
        <Upload listType="picture-card" accept="image/jpeg,image/png,image/webp" multiple fileList={photos} beforeUpload={() => false}
          onChange={({ fileList }) => setPhotos(fileList.slice(0, 9))} data-testid="attendance-photos">
          {photos.length < 9 && <div><CameraOutlined /><div style={{ marginTop: 4 }}>添加照片</div></div>}
        </Upload>
      </Form.Item>
      <WriteButton write="attendance" type="primary" style={{ marginTop: 12 }} disabled={lines.length === 0} data-testid="attendance-save"
        onClick={() => void run('attendance', async () => {
          const images = await Promise.all(photos.map((p) => fileToBase64(p.originFileObj as Blob)));
          await post('attendance', { lines, photos: images })();
        }, `已登记 ${lines.length} 人出勤，共 ${total} 小时。`)}>
        登记 {lines.length} 人出勤，共 {total} 小时
      </WriteButton>
    </Card>
  );
}
