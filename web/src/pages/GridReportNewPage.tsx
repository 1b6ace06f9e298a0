import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Input, Radio, Space, Upload } from 'antd';
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { api, ApiError } from '../api/client';
import { listGrids, reportCategories, toBase64, type CheckIn, type GridView } from '../api/grids';
import { WriteButton } from '../components/WriteButton';
import { useWrites } from '../components/WriteScope';

type Spot = { lat: number; lon: number };

/** The phone's location, or why not (the report and the check-in need it). */
const locate = () => new Promise<Spot>((resolve, reject) => {
  if (!navigator.geolocation) { reject(new Error('这台设备不能定位。')); return; }
  navigator.geolocation.getCurrentPosition((p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
    () => reject(new Error('没有拿到位置，请在浏览器中允许定位后重试。')), { enableHighAccuracy: true, timeout: 15000 });
});

/**
 * 签到上报 for a grid worker, on the phone: check in at the grid (time and location; far from the grid is recorded and
 * flagged), then report a problem with its category, what and where, the location and photos (GPS is stripped on upload).
 */
export function GridReportNewPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [grid, setGrid] = useState<GridView | null>(null);
  const [spot, setSpot] = useState<Spot | null>(null);
  const [category, setCategory] = useState('environment');
  const [text, setText] = useState('');
  const [place, setPlace] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { write } = useWrites();
  const [error, setError] = useState<string | null>(null);
  const [checkedIn, setCheckedIn] = useState<CheckIn | null>(null);

  useEffect(() => {
    void listGrids().then((g) => {
      setGrid(g.items[0] ?? null);
      if (!g.items.length) setError('您还没有分到网格，请联系社区工作人员。');
    }).catch(() => setError('网格加载失败，请稍后再试。'));
  }, []);

  const where = async () => {
    try { const s = await locate(); setSpot(s); return s; } catch (e) { setError((e as Error).message); return null; }
  };

  const checkIn = async () => {
    if (!grid) return;
    await write('checkin', async () => {
      try {
        const s = spot ?? await where();
        if (!s) return;
        const done = await api<CheckIn>('POST', `grids/${encodeURIComponent(grid.id)}/checkins`, { lat: s.lat, lon: s.lon });
        setCheckedIn(done);
        message.success(done.far ? `已签到（离网格中心约 ${done.distanceMetres} 米，超出网格范围）` : '已签到');
      } catch (e) {
        setError(e instanceof ApiError ? e.message : '签到未能完成，请稍后再试。');
      }
    });
  };

  const submit = async () => {
    if (!grid) return;
    await write('report', async () => {
      setError(null);
      try {
        const s = spot ?? await where();
        if (!s) return;
        const photos = await Promise.all(files.map((f) => toBase64(f.originFileObj as File)));
        const r = await api<{ id: string }>('POST', 'grid-reports', { gridId: grid.id, category, text, place, lat: s.lat, lon: s.lon, photos });
        message.success('已上报，社区会尽快处置。');
        navigate(`/gridreports/${encodeURIComponent(r.id)}`);
      } catch (e) {
        setError(e instanceof ApiError ? e.message : '上报未能完成，请稍后再试。');
      }
    });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 560 }}>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} data-testid="report-error" />}
      <Card size="small" title={grid ? `${grid.communityName} · ${grid.name}` : '我的网格'}>
        <Space wrap>
          <WriteButton write="checkin" icon={<EnvironmentOutlined />} disabled={!grid} onClick={() => void checkIn()} data-testid="checkin">到岗签到</WriteButton>
          {checkedIn && <span data-testid="checked-in">{checkedIn.far ? `已签到，离网格中心约 ${checkedIn.distanceMetres} 米（超出网格范围，已记录）` : '今天已签到'}</span>}
        </Space>
      </Card>
      <Card size="small" title="上报问题">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={category} onChange={(e) => setCategory(e.target.value)} data-testid="report-category"
            options={reportCategories.map((c) => ({ value: c.value, label: c.label }))} />
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="发现了什么问题？例如：小区5号楼东侧有辆车长期停放，轮胎漏气。" value={text}
            onChange={(e) => setText(e.target.value)} data-testid="report-text" />
          <Input maxLength={100} placeholder="地点，例如：阳光花园小区5号楼东侧" value={place} onChange={(e) => setPlace(e.target.value)} data-testid="report-place" />
          <Space wrap>
            <Button icon={<EnvironmentOutlined />} onClick={() => void where()} data-testid="locate">{spot ? '重新定位' : '获取定位'}</Button>
            <span data-testid="location">{spot ? '已定位（位置只给社区工作人员看）' : '还没有定位'}</span>
          </Space>
          <Upload listType="picture-card" accept="image/*" multiple maxCount={9} fileList={files} beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)} data-testid="report-photos">
            {files.length < 9 && <div><CameraOutlined /><div style={{ marginTop: 4 }}>拍照</div></div>}
          </Upload>
          <WriteButton write="report" type="primary" block size="large" disabled={!grid} onClick={() => void submit()} data-testid="report-submit">上报</WriteButton>
        </Space>
      </Card>
    </Space>
  );
}
