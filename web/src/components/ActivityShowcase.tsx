import { Alert, Card, Space, Tag } from 'antd';
import { WriteButton } from './WriteButton';
import type { ActivityProps } from './activityProps';

/**
 * 活动风采 of a finished activity: its attendance photos, and for the organiser 设为活动风采 — the public 活动预告 page then
 * shows it with the number who came, the hours served and the photos (never a name).
 */
export function ShowcaseCard({ activity, run, post, organiser }: ActivityProps & { organiser: boolean }) {
  const publicPage = `/api/pages/activities/${encodeURIComponent(activity.streetId)}/${encodeURIComponent(activity.communityId)}`;
  return (
    <Card title="活动风采" className="order-card" data-testid="activity-showcase">
      <Space direction="vertical" style={{ width: '100%' }}>
        {activity.photoIds.length > 0 ? (
          <Space wrap>
            {activity.photoIds.map((p) => {
              const src = `/api/activities/${encodeURIComponent(activity.id)}/photos/${encodeURIComponent(p)}`;
              return (
                <a key={p} href={src} target="_blank" rel="noreferrer" title="查看原图">
                  <img src={src} alt="活动照片" width={120} height={90} style={{ objectFit: 'cover', borderRadius: 6 }} />
                </a>
              );
            })}
          </Space>
        ) : <span className="muted">登记出勤时没有上传照片。</span>}
        {activity.showcase ? (
          <Space wrap>
            <Tag color="green" data-testid="activity-showcased">已在活动风采中</Tag>
            <a href={publicPage} target="_blank" rel="noreferrer">查看公开页面</a>
          </Space>
        ) : organiser ? (
          <>
            <Alert type="info" showIcon title="设为活动风采后，公开页面会显示参加人数、服务时长和照片，不显示姓名和电话。" />
            <WriteButton write="showcase" type="primary" data-testid="activity-showcase-button"
              onClick={() => void run('showcase', post('showcase', undefined), '已设为活动风采。')}>
              设为活动风采
            </WriteButton>
          </>
        ) : null}
      </Space>
    </Card>
  );
}
