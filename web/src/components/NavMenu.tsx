import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { NAV_SECTIONS } from './navigation';
import { useCan, useMe } from './session';

/** The role's menu: sections and entries the role may not open are not shown at all. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const { pathname } = useLocation();

  return (
    <Stack gap={2} component="nav">
      {NAV_SECTIONS.map((section, i) => {
        const items = section.items.filter((item) => can(item.permission) && (!item.doctorOnly || !!me.user.doctorId));
        if (items.length === 0) return null;
        return (
          <Stack gap={2} key={section.label ?? i} mt={section.label ? 'sm' : 0}>
            {section.label && (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={2}>
                {t(section.label)}
              </Text>
            )}
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.label)}
                active={pathname === item.to || pathname.startsWith(item.to + '/')}
                onClick={onNavigate}
                data-testid={item.testId}
                variant="light"
                style={{ borderRadius: 4 }}
              />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
