import { Tag } from 'antd';
import { statusColor } from '../format';

export const StatusTag = ({ status, name }: { status: string; name: string }) => <Tag color={statusColor[status] ?? 'default'}>{name}</Tag>;
