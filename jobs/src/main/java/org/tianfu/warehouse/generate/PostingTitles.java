package org.tianfu.warehouse.generate;

import java.util.SplittableRandom;

/** Titles of supply (科技所能) and demand (科技所需) postings, from templates over Sichuan's products and industries. */
final class PostingTitles {
  private static final String[] PRODUCTS = {"猕猴桃", "柑橘", "茶叶", "花椒", "青稞", "牦牛肉", "晚熟芒果", "柠檬",
      "竹笋", "魔芋", "川芎", "生猪", "脐橙", "石榴", "核桃", "中药材", "白酒", "榨菜", "蚕桑", "油菜"};
  private static final String[] INDUSTRIES = {"电子信息", "装备制造", "食品饮料", "先进材料", "能源化工", "医药健康",
      "页岩气", "钒钛", "锂电", "工业机器人"};

  // {p} is a product, {i} an industry.
  private static final String[] SERVICE_DEMAND = {"{p}冷链保鲜技术需求", "{p}病虫害绿色防控技术指导需求",
      "{i}企业数字化转型咨询需求", "{p}品牌包装设计与电商运营服务需求", "{i}产品检测认证服务需求"};
  private static final String[] SERVICE_SUPPLY = {"工业机器人视觉检测服务", "{p}标准化种植技术指导",
      "{i}企业知识产权贯标服务", "{p}农残快速检测服务", "中小企业研发费用加计扣除辅导", "{i}设备故障诊断与运维服务"};
  private static final String[] ACHIEVEMENT_SUPPLY = {"{p}优质高产新品种转让", "{i}领域发明专利许可",
      "{p}深加工工艺成果转化", "高效{i}关键部件制备技术"};
  private static final String[] ACHIEVEMENT_DEMAND = {"寻求{p}保鲜包装技术成果", "引进{i}自动化生产线技术",
      "求购{p}新品种使用权"};
  private static final String[] PROJECT_DEMAND = {"{p}采后损耗高的技术难题", "{i}生产线能耗偏高攻关",
      "{p}机械化采收难题揭榜挂帅", "{i}关键材料国产化替代攻关"};
  private static final String[] PROJECT_SUPPLY = {"承接{i}领域横向科研项目", "{p}产业技术研究合作",
      "可承担{p}种质资源保护研究"};

  private PostingTitles() {}

  static String title(String category, String side, SplittableRandom r) {
    boolean supply = side.equals("supply");
    String[] templates = switch (category) {
      case "achievement" -> supply ? ACHIEVEMENT_SUPPLY : ACHIEVEMENT_DEMAND;
      case "project" -> supply ? PROJECT_SUPPLY : PROJECT_DEMAND;
      default -> supply ? SERVICE_SUPPLY : SERVICE_DEMAND;
    };
    return Pick.one(templates, r)
        .replace("{p}", Pick.one(PRODUCTS, r))
        .replace("{i}", Pick.one(INDUSTRIES, r));
  }
}
