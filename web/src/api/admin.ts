// What the admin pages (单位管理, 社区管理, 密钥管理) read and write.

export interface AdminUnit {
  id: string;
  name: string;
  streetId: string;
  level: string;
  kind: string;
  categories: string[];
  communityIds: string[];
  retiredAt?: string;
  retiredReason?: string;
}

export interface CommunityItem { id: string; name: string; streetId: string; streetName: string; retiredAt?: string }

export interface StaffKeyItem {
  keyId: string;
  role: string;
  scope: string;
  scopeName: string;
  name: string;
  createdAt?: string;
  revokedAt?: string;
  current: boolean;
}

export interface CreatedStaffKey { key: string; info: StaffKeyItem }

// The codes are the API's (functions/Gongjian.Domain/Community/ServiceCategory.cs and Places.cs); the names are what people read.
export const categoryNames: Record<string, string> = {
  repair: '设施维修', environment: '环境卫生', parking: '停车交通', elderly: '养老助老', health: '医疗健康', legal: '法律服务',
  children: '未成年人关爱', hardship: '帮贫解困', culture: '文化教育', safety: '平安调解', party: '党建联建', other: '其他',
};

export const levelNames: Record<string, string> = { province: '省级', city: '市级', district: '区级', street: '街道级', community: '社区级' };

export const kindNames: Record<string, string> = {
  government: '机关单位', stateowned: '国有企业', company: '企业', school: '学校', hospital: '医院', socialorganisation: '社会组织', other: '其他',
};

export const roleNames: Record<string, string> = { dispatcher: '社区派单员', liaison: '单位联络员', organizer: '街道组织方', admin: '管理员' };

export const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
