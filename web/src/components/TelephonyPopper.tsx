import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { subscribeLive } from '../live/liveStream';
import { useCan } from './session';

/** What the server announces at a call's first ring (src/services/telephony.service.ts). */
export interface RingingCall {
  callId: string;
  branchId: string;
  phone: string;
  patientId: string | null;
  ringingAt: string;
}

/**
 * The telephony's ring pops the call card on the desk's screens, pre-filled with the caller; the card
 * completes the call row the ring created. Only for those who take calls.
 */
export function TelephonyPopper() {
  const can = useCan();
  const navigate = useNavigate();
  const takesCalls = can('calls.write');
  useEffect(() => {
    if (!takesCalls) return;
    return subscribeLive({
      onEvent: (kind, data) => {
        if (kind !== 'call.ringing') return;
        try {
          const call = JSON.parse(data) as RingingCall;
          navigate('/calls/new', { state: { at: Date.now(), telephony: call } });
        } catch {
          // A malformed event is dropped: the desk still has «Новый звонок».
        }
      },
    });
  }, [takesCalls, navigate]);
  return null;
}
