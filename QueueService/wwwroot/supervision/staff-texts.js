// Texts of the dashboard's staff-on-duty panels (pause approvals), Chinese first.
export default {
  zh: {
    pauseApprovals: '暂停审批',
    pauseApprovalLine: (window, clerk, reason, since) => `${window}号窗口 ${clerk} ${reason}（${since} 起）`,
    approvePause: '批准', rejectPause: '驳回',
    pauseDecisions: { pending: '待审批，未批准按离岗计', approved: '已批准', rejected: '已驳回，按离岗计' },
    promisedCases: '承诺件（未办结）', noPromisedCases: '暂无未办结的承诺件',
    promisedCaseLine: (number, service, caseNumber, due, window) => `${number} ${service} 申办编号 ${caseNumber} 到期 ${due}${window ? `（${window}号窗口受理）` : ''}`,
    promisedOverdue: '已逾期', completePromised: '办结',
  },
  en: {
    pauseApprovals: 'Pauses to approve',
    pauseApprovalLine: (window, clerk, reason, since) => `Window ${window} ${clerk} ${reason} (since ${since})`,
    approvePause: 'Approve', rejectPause: 'Reject',
    pauseDecisions: { pending: 'waiting; counts as leaving the post unless approved', approved: 'approved', rejected: 'rejected; counts as leaving the post' },
    promisedCases: 'Promised cases still open', noPromisedCases: 'No promised case is open',
    promisedCaseLine: (number, service, caseNumber, due, window) => `${number} ${service} case ${caseNumber} due ${due}${window ? ` (accepted at window ${window})` : ''}`,
    promisedOverdue: 'overdue', completePromised: 'Completed',
  },
};
