/**
 * What the generated people and organisations are called: Guangdong region codes, Chinese unit and person names,
 * valid and unique 统一社会信用代码 and 身份证号 (derived from an index, so a million never collide), course titles.
 * Realistic enough that name search, byte-order sorting and the grams index see the data they would in production.
 */
import { CREDIT_MODES, type CreditCategory, type CreditMode } from '../../events/credit.js';
import { idNumberCheckChar, usccCheckChar } from '../../events/vocabulary/index.js';
import type { Random } from './random.js';

interface Region {
  code: string;
  city: string;
  districts: Array<[code: string, name: string]>;
  /** Share of the province's organisations and people. */
  weight: number;
}

const REGIONS: Region[] = [
  { code: '440100', city: '广州市', weight: 22, districts: [['440103', '荔湾区'], ['440104', '越秀区'], ['440105', '海珠区'], ['440106', '天河区'], ['440111', '白云区'], ['440113', '番禺区']] },
  { code: '440300', city: '深圳市', weight: 22, districts: [['440303', '罗湖区'], ['440304', '福田区'], ['440305', '南山区'], ['440306', '宝安区'], ['440307', '龙岗区']] },
  { code: '440600', city: '佛山市', weight: 9, districts: [['440604', '禅城区'], ['440605', '南海区'], ['440606', '顺德区']] },
  { code: '441900', city: '东莞市', weight: 9, districts: [] },
  { code: '441300', city: '惠州市', weight: 5, districts: [['441302', '惠城区'], ['441303', '惠阳区']] },
  { code: '442000', city: '中山市', weight: 4, districts: [] },
  { code: '440700', city: '江门市', weight: 4, districts: [['440703', '蓬江区'], ['440704', '江海区']] },
  { code: '440400', city: '珠海市', weight: 3, districts: [['440402', '香洲区'], ['440403', '斗门区']] },
  { code: '440500', city: '汕头市', weight: 4, districts: [['440507', '龙湖区'], ['440511', '金平区']] },
  { code: '440800', city: '湛江市', weight: 4, districts: [['440802', '赤坎区'], ['440803', '霞山区']] },
  { code: '440900', city: '茂名市', weight: 3, districts: [['440902', '茂南区']] },
  { code: '441200', city: '肇庆市', weight: 2, districts: [['441202', '端州区']] },
  { code: '445200', city: '揭阳市', weight: 3, districts: [['445202', '榕城区']] },
  { code: '441400', city: '梅州市', weight: 2, districts: [['441402', '梅江区']] },
  { code: '441800', city: '清远市', weight: 2, districts: [['441802', '清城区']] },
  { code: '440200', city: '韶关市', weight: 2, districts: [['440203', '武江区']] },
];
const REGION_WEIGHT = REGIONS.reduce((sum, r) => sum + r.weight, 0);

const BRAND = [...'华信恒达联创新天宏远瑞泰盛德嘉和安康鑫源丰明粤南方金海中科建城立兴隆永昌振佳美诚星光辉博通卓越智汇启航鸿騰云峰岭湾珠江穗'];
const INDUSTRIES = ['科技', '建筑工程', '电子', '信息技术', '医疗器械', '生物科技', '环保工程', '电力工程', '市政工程', '造价咨询', '工程监理', '检测技术', '机械设备', '化工', '食品', '物流', '房地产开发', '园林绿化', '装饰工程', '通信技术'];
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司'];
const BUREAUS = ['住房和城乡建设局', '卫生健康局', '教育局', '自然资源局', '交通运输局', '水务局', '生态环境局', '农业农村局'];
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八'];

const SURNAMES = [...'陈李黄张梁林刘吴罗杨何郑王周谢郭曾邓冯许赖蔡钟卢叶苏彭潘朱余胡温邱关欧麦'];
const GIVEN = [...'伟敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂文华建国志红玲芳燕斌辉鹏俊婷雪晓宇浩嘉欣颖思倩慧琳子梓锦家佳诗泽睿晨昊婉雅丹凯峰锐'];

const TITLES: Record<CreditCategory, string[]> = {
  public: ['专业技术人员公需科目培训', '数字经济与创新驱动发展', '专业技术人员职业道德与诚信建设', '知识产权保护与运用', '心理健康与压力管理', '大数据与人工智能导论', '乡村振兴战略专题'],
  professional: ['建筑工程施工质量验收规范解读', 'BIM技术应用实务', '临床诊疗指南更新', '新会计准则解读', '电力系统安全运行', '中小学教学设计与评价', '岩土工程勘察新技术', '城市更新规划实务', '药品管理法规培训', '智能制造技术前沿'],
  elective: ['项目管理实务', '公文写作与处理', '应急管理基础', '沟通与团队协作', 'Office高效办公', '健康生活方式讲座'],
};
const ORGANIZERS = ['广东省继续教育协会', '广州市专业技术人员继续教育基地', '华南理工大学继续教育学院', '中山大学继续教育学院', '广东开放大学', '深圳职业技术大学'];
const REJECTIONS = ['证明材料不清晰，请重新上传', '学时与证书不符', '培训时间与证明不一致', '非本单位组织或认可的培训'];

export function pickRegion(random: Random): { code: string; city: string; district: [string, string] | null } {
  let ticket = random.next() * REGION_WEIGHT;
  const region = REGIONS.find((r) => (ticket -= r.weight) < 0) ?? REGIONS[0]!;
  const district = region.districts.length > 0 && random.chance(0.6) ? random.pick(region.districts) : null;
  return { code: district?.[0] ?? region.code, city: region.city, district };
}

/** A unit's name and region: companies most of all, then hospitals, schools, design institutes and bureaus. */
export function unitName(random: Random): { name: string; regionCode: string } {
  const { code, city, district } = pickRegion(random);
  const place = `${city}${district?.[1] ?? ''}`;
  const brand = random.pick(BRAND) + random.pick(BRAND);
  const kind = random.next();
  let name: string;
  if (kind < 0.72) name = `${city}${brand}${random.pick(INDUSTRIES)}${random.pick(SUFFIXES)}`;
  else if (kind < 0.8) name = `${place}${random.chance(0.5) ? `${random.pick(ORDINALS)}人民医院` : '中医院'}`;
  else if (kind < 0.9) name = `${place}第${random.int(1, 60)}中学`;
  else if (kind < 0.96) name = `${city}${brand}建筑设计研究院有限公司`;
  else name = `${place}${random.pick(BUREAUS)}`;
  return { name, regionCode: code };
}

export const personName = (random: Random): string =>
  random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.75) ? random.pick(GIVEN) : '');

const DAY_MS = 86_400_000;
const FIRST_BIRTH = Date.UTC(1962, 0, 1);

/** A valid 身份证号, unique per index: the birth day and sequence number spell the index. */
export function idNumber(index: number, regionCode: string): string {
  const day = new Date(FIRST_BIRTH + Math.floor(index / 1000) * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `${regionCode}${day}${String(index % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码, unique per index (its organisation-code part spells the index in base 31). */
export function uscc(index: number, regionCode: string): string {
  let code = '';
  for (let n = index + 1; code.length < 9; n = Math.floor(n / 31)) code = USCC_CHARS[n % 31] + code;
  const first17 = `91${regionCode}${code}`;
  return first17 + usccCheckChar(first17)!;
}

export const phone = (random: Random): string => `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;

export function course(random: Random): { category: CreditCategory; title: string; mode: CreditMode; organizer?: string } {
  const roll = random.next();
  const category: CreditCategory = roll < 0.3 ? 'public' : roll < 0.8 ? 'professional' : 'elective';
  const mode = random.pick(CREDIT_MODES);
  return { category, title: random.pick(TITLES[category]), mode, ...(random.chance(0.6) ? { organizer: random.pick(ORGANIZERS) } : {}) };
}

export const rejectionReason = (random: Random): string => random.pick(REJECTIONS);
