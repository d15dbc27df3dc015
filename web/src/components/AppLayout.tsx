import { AppShell, Badge, Box, Burger, Button, Group, ScrollArea, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../src/domain/roles.js';
import { logout } from '../api/auth';
import { useLang } from '../i18n';
import { DeskCoverButton } from './DeskCoverButton';
import { NewCallButton } from './NewCallButton';
import { GlobalHotkeys } from './GlobalHotkeys';
import { TelephonyPopper } from './TelephonyPopper';
import { IncidentBanner } from './IncidentBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu } from './NavMenu';
import { JobDescriptionBanner, UnreadMessagesButton } from './TeamHeader';
import { SvcRegulationBanner } from './SvcRegulationBanner';
import { useMe } from './session';

/** The desk frame: clinic and user in the header, the role's menu on the left, the page in the middle. */
export function AppLayout() {
  const me = useMe();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure(false);

  const signOut = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      navigate('/login', { replace: true });
    }
  };

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <GlobalHotkeys />
      <TelephonyPopper />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('layout.menu')} />
            <Text fw={700} c="teal.8" size="lg">
              {t('app.name')}
            </Text>
            {/* The demo's passwords are published: nobody should mistake it for the clinic's real system. */}
            {me.clinic.demo && (
              <Tooltip label={t('layout.demoHint')} multiline w={320}>
                <Badge color="orange" variant="filled" size="lg" radius="sm" visibleFrom="sm" style={{ flexShrink: 0 }} data-testid="demo-banner">
                  {t('layout.demo')}
                </Badge>
              </Tooltip>
            )}
            <Text fw={500} truncate data-testid="clinic-name">
              {me.clinic.name}
            </Text>
          </Group>
          {/* The clinic's name gives way (it truncates), never the buttons. */}
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Box ta="right" visibleFrom="md" data-testid="current-user">
              <Text size="sm" fw={500} lh={1.2}>
                {me.user.fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {ROLE_LABELS[me.user.role][lang]}
              </Text>
            </Box>
            {!me.user.mustChangePassword && <UnreadMessagesButton />}
            <NewCallButton />
            <DeskCoverButton />
            <LanguageSwitch />
            {pathname !== '/password' && (
              <Tooltip label={t('layout.passwordHint')}>
                <Button variant="subtle" size="xs" onClick={() => navigate('/password')}>
                  {t('layout.password')}
                </Button>
              </Tooltip>
            )}
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('layout.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('layout.navigation')}>
        {/* With a temporary password nothing else opens until it is changed. */}
        {/* The menu outgrew a laptop's screen: it scrolls, so «Настройки» stay reachable at 1366×768. */}
        {!me.user.mustChangePassword && (
          <AppShell.Section grow component={ScrollArea} type="auto" data-testid="nav-scroll">
            <NavMenu onNavigate={close} />
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        {me.clinic.demo && (
          // A phone's header has no room left: there the demo is named above the page instead.
          <Text hiddenFrom="sm" bg="orange.6" c="white" fw={700} size="sm" px="sm" py={4} mb="sm" className="demo-strip" style={{ borderRadius: 4 }} data-testid="demo-banner-mobile">
            {t('layout.demo')}: {t('layout.demoHint')}
          </Text>
        )}
        <IncidentBanner />
        {!me.user.mustChangePassword && <JobDescriptionBanner />}
        {!me.user.mustChangePassword && <SvcRegulationBanner />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
