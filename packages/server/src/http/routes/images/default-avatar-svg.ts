/** A neutral placeholder avatar (grey circle, head and shoulders), served for users without an image. */
export const DEFAULT_AVATAR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
<rect width="128" height="128" rx="64" fill="#d4d4d8"/>
<circle cx="64" cy="50" r="22" fill="#f4f4f5"/>
<path d="M24 108c6-22 22-34 40-34s34 12 40 34" fill="#f4f4f5"/>
</svg>
`;
