// "3 分钟前" / "3 min ago", and a plain date once it is more than a week old.
import { t, getLocale } from '$lib/i18n';

export function relativeTime(iso: string, now: number = Date.now()): string {
	const then = Date.parse(iso);
	if (Number.isNaN(then)) return iso;
	const minutes = Math.max(0, Math.round((now - then) / 60_000));
	if (minutes < 1) return t('time.justNow');
	if (minutes < 60) return t('time.minutes', { n: minutes });
	const hours = Math.round(minutes / 60);
	if (hours < 24) return t('time.hours', { n: hours });
	const days = Math.round(hours / 24);
	if (days <= 7) return t('time.days', { n: days });
	return new Date(then).toLocaleDateString(getLocale() === 'zh' ? 'zh-CN' : 'en-GB', {
		year: 'numeric',
		month: 'short',
		day: 'numeric'
	});
}
