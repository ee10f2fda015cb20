// The prefecture-level cities of Guangdong by the first four digits of their GB/T 2260 code: a class is offered to a
// whole city (DOMAIN.md), so people read "广州市" rather than 440100. Codes outside this list are shown as they are.
import type { Lang } from '../i18n/messages.js';

const CITIES: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  '4401': ['广州市', 'Guangzhou'],
  '4402': ['韶关市', 'Shaoguan'],
  '4403': ['深圳市', 'Shenzhen'],
  '4404': ['珠海市', 'Zhuhai'],
  '4405': ['汕头市', 'Shantou'],
  '4406': ['佛山市', 'Foshan'],
  '4407': ['江门市', 'Jiangmen'],
  '4408': ['湛江市', 'Zhanjiang'],
  '4409': ['茂名市', 'Maoming'],
  '4412': ['肇庆市', 'Zhaoqing'],
  '4413': ['惠州市', 'Huizhou'],
  '4414': ['梅州市', 'Meizhou'],
  '4415': ['汕尾市', 'Shanwei'],
  '4416': ['河源市', 'Heyuan'],
  '4417': ['阳江市', 'Yangjiang'],
  '4418': ['清远市', 'Qingyuan'],
  '4419': ['东莞市', 'Dongguan'],
  '4420': ['中山市', 'Zhongshan'],
  '4451': ['潮州市', 'Chaozhou'],
  '4452': ['揭阳市', 'Jieyang'],
  '4453': ['云浮市', 'Yunfu'],
};

/** The city a region code belongs to, in `lang`; undefined when the code is not a Guangdong city's. */
export function cityName(lang: Lang, code: string): string | undefined {
  const city = CITIES[code.slice(0, 4)];
  return city ? city[lang === 'en' ? 1 : 0] : undefined;
}
