/** A text a person may read, in both languages the system speaks (zh-CN first, English on request). */
export interface Localized {
  zh: string;
  en: string;
}

/** A rejected input: `field` as the API spells it (`idNumber`, `items.0.name`), and what is wrong with it. */
export interface LocalizedFieldError {
  field: string;
  message: Localized;
}
