// 需求清单 and 资源清单 (functions/Gongjian.Functions/Needs, Resources): what the two pages read and write.

export interface Beneficiaries { group: string; count: number }

export interface NeedItem {
  id: string; status: string; statusName: string; category: string; categoryName: string; communityId: string; description: string;
  beneficiaries: string; people: number; sourceKind?: string; unitId?: string; unitName?: string; projectId?: string; year?: number;
  createdAt: string; updatedAt: string;
}

export interface NeedPage { items: NeedItem[]; nextPageToken?: string }

export interface ResourceSuggestion { rank: number; unitId: string; name: string; resourceIds: string[]; coversCommunity: boolean; servesCategory: boolean; reason: string }

export interface Suggestions { for: string; id: string; category: string; categoryName: string; communityId?: string; people: number; items: ResourceSuggestion[] }

export interface ResourceItem {
  id: string; status: string; statusName: string; unitId: string; unitName: string; kind: string; kindName: string; category: string; categoryName: string;
  title: string; description: string; communityIds: string[]; availability: string; capacity?: number; openingHours?: string; count?: number;
  version: number; year?: number; updatedAt: string;
}

export interface ResourcePage { items: ResourceItem[]; nextPageToken?: string }

export interface ResourceView extends Omit<ResourceItem, 'year'> { streetId: string; wholeStreet: boolean; createdAt: string; retiredReason?: string }

/** The groups a need may name (functions/Gongjian.Domain/Needs/NeedTypes.cs NeedLimits.Groups): counts, never names. */
export const beneficiaryGroups = ['老年人', '儿童', '青少年', '残疾人', '困难家庭', '退役军人', '新就业群体', '居民'];

export const needStatusNames: Record<string, string> = { open: '待对接', matched: '已对接', met: '已满足', closed: '已关闭' };

export const resourceKindNames: Record<string, string> = { venue: '场地', service: '专业服务', volunteers: '志愿者', materials: '物资', funds: '资金' };
