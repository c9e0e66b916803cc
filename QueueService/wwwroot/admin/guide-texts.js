// Texts of the service guide editor (guides.js), Chinese first; merged into the page's texts under "guides".
export default {
  zh: {
    guides: {
      title: '办事指南',
      hint: '选择事项，填写办事指南后保存，取号机、手机页面和打印的指南立即更新。时限按工作日计；承诺时限不得长于法定时限，0 表示即办件。',
      service: '事项',
      basis: '设定依据', conditions: '办理条件', procedure: '办理流程（每行一步）',
      statutoryDays: '法定时限（工作日）', promisedDays: '承诺时限（工作日）',
      fees: '收费标准及依据', location: '办理地点（楼层、区域）', phone: '咨询电话', onlineUrl: '网上办理地址（https://…）',
      materials: '申请材料', materialName: '材料名称', materialForm: '原件或复印件', copies: '份数', note: '备注',
      forms: { original: '原件', copy: '复印件', originalAndCopy: '原件和复印件' },
      addMaterial: '添加材料', remove: '删除',
      sampleForms: '表格下载', formName: '表格名称', noForms: '服务器的表格目录中没有表格。',
      save: '保存指南', saved: name => `“${name}”的办事指南已保存，立即生效。`,
      refused: reason => `未保存：${reason}`,
    },
  },
  en: {
    guides: {
      title: 'Service guides',
      hint: 'Choose a service, fill in its guide and save: the kiosks, the phone pages and the printed guide change at once. Time limits are working days; the promised limit may not exceed the statutory one, 0 means done on the spot.',
      service: 'Service',
      basis: 'Legal basis', conditions: 'Conditions', procedure: 'Procedure (one step per line)',
      statutoryDays: 'Statutory limit (working days)', promisedDays: 'Promised limit (working days)',
      fees: 'Fees and their basis', location: 'Where in the hall (floor, area)', phone: 'Enquiries phone', onlineUrl: 'Online service address (https://…)',
      materials: 'Materials', materialName: 'Material', materialForm: 'Original or copy', copies: 'Copies', note: 'Note',
      forms: { original: 'Original', copy: 'Copy', originalAndCopy: 'Original and copy' },
      addMaterial: 'Add a material', remove: 'Remove',
      sampleForms: 'Forms to download', formName: 'Form name', noForms: 'The server\'s forms folder holds no forms.',
      save: 'Save the guide', saved: name => `The guide of "${name}" is saved and in force.`,
      refused: reason => `Not saved: ${reason}`,
    },
  },
};
