import type { ReactNode } from "react";
import type { Appearance } from "../../internal/appearance.js";

/**
 * The default stylesheet of the components: plain CSS over the `latchkey-` classes, low
 * specificity (single class selectors) so app styles and `appearance.elements` classes win.
 */
export const latchkeyDefaultStyles = `
.latchkey-card{box-sizing:border-box;max-width:24rem;padding:1.5rem;border:1px solid #d4d4d8;border-radius:.75rem;background:#fff;color:#18181b;font:inherit}
.latchkey-header-title{margin:0 0 .25rem;font-size:1.25rem;font-weight:600}
.latchkey-header-subtitle{margin:0 0 1rem;color:#52525b;font-size:.875rem}
.latchkey-form{display:flex;flex-direction:column;gap:.875rem}
.latchkey-form-field{display:flex;flex-direction:column;gap:.25rem}
.latchkey-form-field-label{font-size:.875rem;font-weight:500}
.latchkey-form-field-input{padding:.5rem .625rem;border:1px solid #a1a1aa;border-radius:.375rem;font:inherit}
.latchkey-form-field-input[aria-invalid="true"]{border-color:#dc2626}
.latchkey-form-field-error-text{margin:0;color:#b91c1c;font-size:.8125rem}
.latchkey-form-button-primary{padding:.5rem .75rem;border:0;border-radius:.375rem;background:#18181b;color:#fff;font:inherit;cursor:pointer}
.latchkey-form-button-primary:disabled{opacity:.6;cursor:default}
.latchkey-form-button-secondary,.latchkey-form-resend-code-link{padding:.375rem .5rem;border:1px solid #d4d4d8;border-radius:.375rem;background:transparent;color:inherit;font:inherit;cursor:pointer}
.latchkey-form-button-secondary:disabled,.latchkey-form-resend-code-link:disabled{opacity:.6;cursor:default}
.latchkey-alert{margin:0;padding:.5rem .625rem;border-radius:.375rem;background:#fef2f2;color:#991b1b;font-size:.875rem}
.latchkey-footer{margin-top:1rem;font-size:.875rem;color:#52525b}
.latchkey-user-button-box,.latchkey-organization-switcher-box{position:relative;display:inline-block}
.latchkey-user-button-trigger,.latchkey-organization-switcher-trigger{display:inline-flex;align-items:center;gap:.5rem;padding:.125rem;border:0;border-radius:999px;background:transparent;color:inherit;font:inherit;cursor:pointer}
.latchkey-organization-switcher-trigger{padding:.375rem .625rem;border:1px solid #d4d4d8;border-radius:.375rem}
.latchkey-avatar-box{display:inline-flex;align-items:center;justify-content:center;width:2rem;height:2rem;border-radius:999px;overflow:hidden;background:#e4e4e7;font-size:.8125rem;font-weight:600}
.latchkey-avatar-image{width:100%;height:100%;object-fit:cover}
.latchkey-user-button-popover-card,.latchkey-organization-switcher-popover-card{position:absolute;right:0;z-index:50;min-width:15rem;margin-top:.375rem;padding:.5rem;border:1px solid #d4d4d8;border-radius:.5rem;background:#fff;color:#18181b;box-shadow:0 8px 24px rgba(0,0,0,.12)}
.latchkey-user-preview{padding:.5rem;border-bottom:1px solid #e4e4e7;margin-bottom:.25rem}
.latchkey-user-preview-main-identifier{margin:0;font-weight:600}
.latchkey-user-preview-secondary-identifier{margin:0;color:#52525b;font-size:.8125rem}
.latchkey-user-button-popover-action-button,.latchkey-organization-switcher-popover-action-button{display:block;width:100%;padding:.5rem;border:0;border-radius:.375rem;background:transparent;color:inherit;font:inherit;text-align:left;cursor:pointer}
.latchkey-user-button-popover-action-button:hover,.latchkey-user-button-popover-action-button:focus-visible,.latchkey-organization-switcher-popover-action-button:hover,.latchkey-organization-switcher-popover-action-button:focus-visible{background:#f4f4f5}
`;

/**
 * Renders the default stylesheet once per document (React 19 hoists and de-duplicates a
 * `<style href precedence>`), unless `appearance.defaultStyles` is `false`.
 */
export function DefaultStyles(props: {
  provider: Appearance | undefined;
  component: Appearance | undefined;
}): ReactNode {
  if (props.provider?.defaultStyles === false || props.component?.defaultStyles === false) {
    return null;
  }
  return (
    <style href="latchkey-default-styles" precedence="default">
      {latchkeyDefaultStyles}
    </style>
  );
}
