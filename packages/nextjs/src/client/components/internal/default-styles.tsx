import type { ReactNode } from "react";
import type { Appearance } from "../../internal/appearance.js";

/**
 * The default stylesheet of the components: plain CSS over the `latchkey-` classes, low
 * specificity (single class selectors) so app styles and `appearance.elements` classes win.
 * Every color comes from `appearance.variables` (custom properties on the component's root,
 * see `variablesStyle`), with a light theme as default whose pairs pass WCAG AA (text 4.5:1,
 * borders of controls 3:1). Controls are at least 44 px tall; popups stay inside the viewport.
 */
export const latchkeyDefaultStyles = `
.latchkey-root-box,.latchkey-user-button-box,.latchkey-organization-switcher-box{--lk-primary:var(--latchkey-color-primary,#18181b);--lk-on-primary:var(--latchkey-color-text-on-primary-background,#fff);--lk-bg:var(--latchkey-color-background,#fff);--lk-text:var(--latchkey-color-text,#18181b);--lk-text-2:var(--latchkey-color-text-secondary,#52525b);--lk-input-bg:var(--latchkey-color-input-background,var(--lk-bg));--lk-input-text:var(--latchkey-color-input-text,var(--lk-text));--lk-danger:var(--latchkey-color-danger,#b91c1c);--lk-neutral:var(--latchkey-color-neutral,#71717a);--lk-radius:var(--latchkey-border-radius,.375rem);--lk-border:color-mix(in srgb,var(--lk-neutral) 45%,var(--lk-bg));--lk-hover:color-mix(in srgb,var(--lk-text) 8%,var(--lk-bg));color-scheme:var(--latchkey-color-scheme,light)}
.latchkey-root-box{box-sizing:border-box;max-width:100%}
.latchkey-card{box-sizing:border-box;width:24rem;max-width:100%;padding:1.5rem;border:1px solid var(--lk-border);border-radius:calc(var(--lk-radius)*2);background:var(--lk-bg);color:var(--lk-text);font-family:var(--latchkey-font-family);font-size:var(--latchkey-font-size);line-height:1.5}
.latchkey-header-title{margin:0 0 .25rem;font-size:1.25rem;font-weight:600;line-height:1.3}
.latchkey-header-subtitle{margin:0 0 1rem;color:var(--lk-text-2);font-size:.875rem;overflow-wrap:anywhere}
.latchkey-form{display:flex;flex-direction:column;gap:.875rem}
.latchkey-form-field{display:flex;flex-direction:column;gap:.25rem}
.latchkey-form-field-label{font-size:.875rem;font-weight:500}
.latchkey-form-field-input{box-sizing:border-box;width:100%;min-height:2.75rem;padding:.5rem .625rem;border:1px solid var(--lk-neutral);border-radius:var(--lk-radius);background:var(--lk-input-bg);color:var(--lk-input-text);font:inherit}
.latchkey-form-field-input:read-only{background:color-mix(in srgb,var(--lk-input-text) 6%,var(--lk-input-bg))}
.latchkey-form-field-input[aria-invalid="true"]{border-color:var(--lk-danger);border-width:2px}
.latchkey-form-field-hint-text{margin:0;color:var(--lk-text-2);font-size:.8125rem}
.latchkey-form-field-error-text{margin:0;color:var(--lk-danger);font-size:.875rem}
.latchkey-form-status{margin:0;color:var(--lk-text);font-size:.875rem}
.latchkey-form-status:empty{position:absolute}
.latchkey-form-button-primary,.latchkey-form-button-secondary,.latchkey-form-resend-code-link{box-sizing:border-box;min-height:2.75rem;padding:.5rem .75rem;border:1px solid var(--lk-neutral);border-radius:var(--lk-radius);background:transparent;color:var(--lk-text);font:inherit;cursor:pointer}
.latchkey-form-button-primary{border-color:var(--lk-primary);background:var(--lk-primary);color:var(--lk-on-primary);font-weight:600}
.latchkey-form-button-primary:disabled,.latchkey-form-button-secondary:disabled,.latchkey-form-resend-code-link:disabled{cursor:default}
[aria-disabled="true"].latchkey-form-button-primary,[aria-disabled="true"].latchkey-form-button-secondary,[aria-disabled="true"].latchkey-form-resend-code-link,[aria-disabled="true"].latchkey-organization-switcher-popover-action-button{cursor:progress}
[aria-disabled="true"].latchkey-form-button-primary::after{content:"";display:inline-block;box-sizing:border-box;width:1em;height:1em;margin-left:.5em;vertical-align:-.15em;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;animation:latchkey-spin .8s linear infinite}
@keyframes latchkey-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){[aria-disabled="true"].latchkey-form-button-primary::after{animation-duration:2.4s}}
.latchkey-root-box :focus-visible,.latchkey-user-button-box :focus-visible,.latchkey-organization-switcher-box :focus-visible{outline:2px solid var(--lk-primary);outline-offset:2px}
.latchkey-social-buttons{display:flex;flex-direction:column;gap:.5rem}
.latchkey-social-buttons-block-button{box-sizing:border-box;width:100%;min-height:2.75rem;padding:.5rem .75rem;border:1px solid var(--lk-neutral);border-radius:var(--lk-radius);background:var(--lk-bg);color:var(--lk-text);font:inherit;font-weight:500;cursor:pointer}
.latchkey-social-buttons-block-button:hover{background:var(--lk-hover)}
.latchkey-social-buttons-block-button:disabled{cursor:default}
[aria-disabled="true"].latchkey-social-buttons-block-button{cursor:progress}
.latchkey-divider-row{display:flex;align-items:center;gap:.75rem;margin:1rem 0}
.latchkey-divider-line{flex:1;height:1px;background:var(--lk-border)}
.latchkey-divider-text{margin:0;color:var(--lk-text-2);font-size:.875rem}
.latchkey-alert{margin:0;padding:.5rem .625rem;border:1px solid var(--lk-danger);border-left-width:4px;border-radius:var(--lk-radius);color:var(--lk-danger);font-size:.875rem}
.latchkey-footer{margin:1rem 0 0;color:var(--lk-text-2);font-size:.875rem}
.latchkey-footer-action-link{display:inline-block;padding:.25rem .125rem;color:var(--lk-primary);font-weight:600;text-decoration:underline;text-underline-offset:2px}
.latchkey-user-button-box,.latchkey-organization-switcher-box{position:relative;display:inline-block;max-width:100%}
.latchkey-user-button-trigger,.latchkey-organization-switcher-trigger{display:inline-flex;align-items:center;gap:.5rem;box-sizing:border-box;max-width:100%;min-width:2.75rem;min-height:2.75rem;padding:.375rem;border:0;border-radius:999px;background:transparent;color:inherit;font:inherit;cursor:pointer}
.latchkey-organization-switcher-trigger{padding:.375rem .75rem .375rem .375rem;border:1px solid var(--lk-neutral);border-radius:var(--lk-radius);text-align:left}
.latchkey-organization-preview{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.latchkey-avatar-box{display:inline-flex;flex:none;align-items:center;justify-content:center;width:2rem;height:2rem;border-radius:999px;overflow:hidden;background:var(--lk-primary);color:var(--lk-on-primary);font-size:.8125rem;font-weight:600}
.latchkey-avatar-image{width:100%;height:100%;object-fit:cover}
.latchkey-user-button-popover-card,.latchkey-organization-switcher-popover-card{position:absolute;top:100%;z-index:50;box-sizing:border-box;width:max-content;min-width:16rem;max-width:min(22rem,calc(100vw - 1rem));margin-top:.375rem;padding:.5rem;border:1px solid var(--lk-border);border-radius:calc(var(--lk-radius)*1.5);background:var(--lk-bg);color:var(--lk-text);font-family:var(--latchkey-font-family);font-size:var(--latchkey-font-size);line-height:1.5;text-align:left;box-shadow:0 8px 24px rgba(0,0,0,.2)}
.latchkey-user-button-popover-card{right:0}
.latchkey-organization-switcher-popover-card{left:0;width:18rem}
.latchkey-user-preview{padding:.5rem;border-bottom:1px solid var(--lk-border);margin-bottom:.25rem}
.latchkey-user-preview-main-identifier{margin:0;font-weight:600;overflow-wrap:anywhere}
.latchkey-user-preview-secondary-identifier{margin:0;color:var(--lk-text-2);font-size:.8125rem;overflow-wrap:anywhere}
.latchkey-user-button-popover-action-button,.latchkey-organization-switcher-popover-action-button{display:flex;align-items:center;gap:.5rem;box-sizing:border-box;width:100%;min-height:2.75rem;padding:.375rem .5rem;border:0;border-radius:var(--lk-radius);background:transparent;color:inherit;font:inherit;text-align:left;cursor:pointer}
.latchkey-user-button-popover-action-button:hover,.latchkey-user-button-popover-action-button:focus-visible,.latchkey-organization-switcher-popover-action-button:hover,.latchkey-organization-switcher-popover-action-button:focus-visible{background:var(--lk-hover)}
.latchkey-organization-switcher-popover-action-button[aria-current="true"]{font-weight:600;box-shadow:inset 3px 0 0 var(--lk-primary)}
.latchkey-organization-switcher-check{flex:none;width:1.25rem;text-align:center;font-weight:700}
.latchkey-organization-switcher-entry{display:flex;flex-direction:column;min-width:0;overflow-wrap:anywhere}
.latchkey-organization-preview-secondary-identifier{color:var(--lk-text-2);font-size:.8125rem;font-weight:400}
.latchkey-organization-preview-secondary-identifier:has(.latchkey-badge){display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.latchkey-badge{display:inline-block;padding:0 .375rem;border:1px solid currentColor;border-radius:999px;font-size:.75rem;font-weight:600}
.latchkey-organization-switcher-popover-card .latchkey-form{margin-top:.5rem;padding:.5rem .25rem .25rem;border-top:1px solid var(--lk-border)}
.latchkey-organization-switcher-popover-card .latchkey-alert{margin-top:.5rem}
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
