import type { ContactImportance, ContactSensitivity } from '../model/contact.js';

/** SIF-C Sensitivity numbers (Outlook OlSensitivity). */
export const SENSITIVITY_BY_NUMBER: readonly ContactSensitivity[] = [
  'normal',
  'personal',
  'private',
  'confidential',
];

/** vCard CLASS values per sensitivity (Funambol writes X-PERSONAL for "personal"). */
export const CLASS_BY_SENSITIVITY: Readonly<Record<ContactSensitivity, string>> = {
  normal: 'PUBLIC',
  personal: 'X-PERSONAL',
  private: 'PRIVATE',
  confidential: 'CONFIDENTIAL',
};

/** The sensitivity of a vCard CLASS value, or undefined for a value it cannot hold. */
export function sensitivityOfClass(value: string): ContactSensitivity | undefined {
  switch (value.trim().toUpperCase()) {
    case 'PUBLIC':
      return 'normal';
    case 'X-PERSONAL':
    case 'PERSONAL':
      return 'personal';
    case 'PRIVATE':
      return 'private';
    case 'CONFIDENTIAL':
      return 'confidential';
    default:
      return undefined;
  }
}

/** SIF-C Importance numbers (Outlook OlImportance). */
export const IMPORTANCE_BY_NUMBER: readonly ContactImportance[] = ['low', 'normal', 'high'];
