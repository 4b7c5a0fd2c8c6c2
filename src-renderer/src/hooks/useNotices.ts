import { useContext } from 'react';
import { NoticeContext, type Notices } from '../components/NoticeProvider';

export function useNotices(): Notices {
  const ctx = useContext(NoticeContext);
  if (!ctx) throw new Error('useNotices is used outside NoticeProvider');
  return ctx;
}
