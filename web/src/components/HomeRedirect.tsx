import { Navigate } from 'react-router';
import { homePath } from './navigation';
import { useMe } from './session';

export function HomeRedirect() {
  const me = useMe();
  return <Navigate to={homePath(me.permissions, me.user.doctorId)} replace />;
}
