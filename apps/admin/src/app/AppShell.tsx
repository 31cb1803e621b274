import { useState, type ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import { useApolloClient } from "@apollo/client/react";
import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Divider from "@mui/material/Divider";
import Drawer from "@mui/material/Drawer";
import IconButton from "@mui/material/IconButton";
import Link from "@mui/material/Link";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemButton from "@mui/material/ListItemButton";
import ListItemIcon from "@mui/material/ListItemIcon";
import ListItemText from "@mui/material/ListItemText";
import Toolbar from "@mui/material/Toolbar";
import Typography from "@mui/material/Typography";
import useMediaQuery from "@mui/material/useMediaQuery";
import { useTheme } from "@mui/material/styles";
import DashboardIcon from "@mui/icons-material/DashboardOutlined";
import GroupAddIcon from "@mui/icons-material/GroupAddOutlined";
import UploadFileIcon from "@mui/icons-material/UploadFileOutlined";
import ManageAccountsIcon from "@mui/icons-material/ManageAccountsOutlined";
import SettingsIcon from "@mui/icons-material/SettingsOutlined";
import HistoryIcon from "@mui/icons-material/HistoryOutlined";
import MailIcon from "@mui/icons-material/MailOutlined";
import MenuIcon from "@mui/icons-material/Menu";
import { useTranslation } from "react-i18next";
import { useViewer, ViewerDocument } from "../features/auth/viewer";
import { LanguageSwitch } from "./LanguageSwitch";
import "../features/auth/mfa.i18n";
import { allowed, navItems, type NavItem } from "./navigation";

const DRAWER = 232;
const icons: Record<NavItem["labelKey"], ReactNode> = {
  overview: <DashboardIcon />,
  onboarding: <GroupAddIcon />,
  imports: <UploadFileIcon />,
  portalUsers: <ManageAccountsIcon />,
  settings: <SettingsIcon />,
  audit: <HistoryIcon />,
  mailbox: <MailIcon />,
};

export function AppShell({ children, showMailbox }: { children: ReactNode; showMailbox: boolean }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up("md"));
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const items = navItems.filter((item) => allowed(item, viewer.permissions) && (item.labelKey !== "mailbox" || showMailbox));

  const signOut = async () => {
    await fetch("/auth/logout", { method: "POST", credentials: "same-origin" }).catch(() => undefined);
    // Forget every cached answer, then ask for the viewer only, which is now null: the sign-in page
    // replaces the app. (resetStore would refetch the open page's queries too, and abort them as it unmounts.)
    await client.clearStore();
    await client.refetchQueries({ include: [ViewerDocument] });
  };

  const nav = (
    <Box component="nav" aria-label={t("app.title")}>
      <Toolbar />
      <List>
        {items.map((item) => {
          const active = item.path === "/" ? location.pathname === "/" : location.pathname.startsWith(item.path);
          return (
            <ListItem key={item.path} disablePadding>
              <ListItemButton
                component={NavLink}
                to={item.path}
                selected={active}
                aria-current={active ? "page" : undefined}
                onClick={() => setOpen(false)}
              >
                <ListItemIcon>{icons[item.labelKey]}</ListItemIcon>
                <ListItemText primary={t(`nav.${item.labelKey}`)} />
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
      <Divider />
      <Box sx={{ p: 2, color: "text.secondary" }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {viewer.user.name}
        </Typography>
        <Typography variant="body2">{viewer.organization.name}</Typography>
        {/* One's own two-factor sign-in: every staff member, whatever their permissions. */}
        <Link
          component={NavLink}
          to="/account/security"
          variant="body2"
          onClick={() => setOpen(false)}
          sx={{ display: "inline-block", mt: 1 }}
        >
          {t("mfa.securityNav")}
        </Link>
      </Box>
    </Box>
  );

  return (
    <Box sx={{ display: "flex", minHeight: "100vh", bgcolor: "background.default" }}>
      <Box
        component="a"
        href="#main"
        sx={{ position: "absolute", left: -9999, "&:focus": { left: 8, top: 8, zIndex: 2000, bgcolor: "background.paper", p: 1 } }}
      >
        {t("app.skipToContent")}
      </Box>
      <AppBar position="fixed" sx={{ zIndex: theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          {!wide ? (
            <IconButton color="inherit" edge="start" aria-label={t("app.openMenu")} onClick={() => setOpen(true)}>
              <MenuIcon />
            </IconButton>
          ) : null}
          <Typography variant="h6" component="p" sx={{ flexGrow: 1, fontWeight: 600 }} noWrap>
            {t("app.title")}
          </Typography>
          <LanguageSwitch color="inherit" />
          <Button color="inherit" onClick={() => void signOut()}>
            {t("app.signOut")}
          </Button>
        </Toolbar>
      </AppBar>
      {wide ? (
        <Drawer variant="permanent" sx={{ width: DRAWER, flexShrink: 0, "& .MuiDrawer-paper": { width: DRAWER, boxSizing: "border-box" } }}>
          {nav}
        </Drawer>
      ) : (
        <Drawer variant="temporary" open={open} onClose={() => setOpen(false)} sx={{ "& .MuiDrawer-paper": { width: DRAWER } }}>
          {nav}
        </Drawer>
      )}
      <Box component="main" id="main" tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 }, outline: "none" }}>
        <Toolbar />
        {children}
      </Box>
    </Box>
  );
}
