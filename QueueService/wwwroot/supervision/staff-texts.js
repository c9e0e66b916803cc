// Texts of the dashboard's staff-on-duty panels (pause approvals), Chinese first.
export default {
  zh: {
    pauseApprovals: '暂停审批',
    pauseApprovalLine: (window, clerk, reason, since) => `${window}号窗口 ${clerk} ${reason}（${since} 起）`,
    approvePause: '批准', rejectPause: '驳回',
    pauseDecisions: { pending: '待审批，未批准按离岗计', approved: '已批准', rejected: '已驳回，按离岗计' },
  },
  en: {
    pauseApprovals: 'Pauses to approve',
    pauseApprovalLine: (window, clerk, reason, since) => `Window ${window} ${clerk} ${reason} (since ${since})`,
    approvePause: 'Approve', rejectPause: 'Reject',
    pauseDecisions: { pending: 'waiting; counts as leaving the post unless approved', approved: 'approved', rejected: 'rejected; counts as leaving the post' },
  },
};
