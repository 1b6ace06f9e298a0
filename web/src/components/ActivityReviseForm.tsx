import { useState } from 'react';
import { type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { WriteButton } from './WriteButton';
import { useWrites } from './WriteScope';
import { options as nameOptions } from '../api/admin';
import { activityCategoryNames } from '../api/activities';
import type { ActivityProps } from './activityProps';

/**
 * 修改信息 before the start: the organiser corrects the name, category, place and introduction (a typo, another room).
 * Times, 名额 and who may join stay (registrations rest on them: cancel and announce anew). A new place is told by the API
 * to those who registered in chat; the page says so before saving.
 */
export function ReviseActivity({ activity, run, post }: ActivityProps) {
  const [open, setOpen] = useState(false);
  const { button } = useWrites();
  const [values, setValues] = useState({ title: activity.title, category: activity.category, place: activity.place, description: activity.description ?? '' });
  const edit = () => {
    setValues({ title: activity.title, category: activity.category, place: activity.place, description: activity.description ?? '' });
    setOpen(true);
  };
  const changed = values.title.trim() !== activity.title || values.category !== activity.category || values.place.trim() !== activity.place
    || values.description.trim() !== (activity.description ?? '');
  const complete = values.title.trim().length > 0 && values.place.trim().length > 0;
  const save = async () => {
    const body = { title: values.title.trim(), category: values.category, place: values.place.trim(), description: values.description.trim() };
    if (await run('revise', post('revise', body), '已保存修改。')) setOpen(false);
  };
  const registered = activity.registeredCount + activity.waitingCount;
  return (
    <>
      <WriteButton onClick={edit} data-testid="activity-revise">修改信息</WriteButton>
      <Modal title="修改活动信息" open={open} okText="保存修改" cancelText="返回" onOk={() => void save()} onCancel={() => setOpen(false)}
        okButtonProps={{ ...button('revise', !changed || !complete), 'data-testid': 'activity-revise-save' } as ButtonProps}>
        <p className="muted">
          时间、名额和报名对象不能在这里改（已有报名按它们办理）；要改请取消活动后重新发布。
          {registered > 0 && `已报名和候补共 ${registered} 人：改了地点，在聊天中报名的人会收到通知，其他人请电话告知。`}
        </p>
        <Form layout="vertical">
          <Form.Item label="活动名称" required>
            <Input value={values.title} maxLength={60} showCount onChange={(e) => setValues({ ...values, title: e.target.value })} data-testid="activity-revise-title" />
          </Form.Item>
          <Form.Item label="类别">
            <Select value={values.category} style={{ width: 160 }} options={nameOptions(activityCategoryNames)}
              onChange={(category: string) => setValues({ ...values, category })} data-testid="activity-revise-category" />
          </Form.Item>
          <Form.Item label="地点" required>
            <Input value={values.place} maxLength={100} onChange={(e) => setValues({ ...values, place: e.target.value })} data-testid="activity-revise-place" />
          </Form.Item>
          <Form.Item label="活动介绍">
            <Input.TextArea value={values.description} maxLength={1000} showCount rows={4}
              onChange={(e) => setValues({ ...values, description: e.target.value })} data-testid="activity-revise-description" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
