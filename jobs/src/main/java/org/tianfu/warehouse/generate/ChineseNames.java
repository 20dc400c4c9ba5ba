package org.tianfu.warehouse.generate;

import java.util.SplittableRandom;
import org.tianfu.warehouse.contract.County;

/**
 * Display names as users type them: people (with Tibetan and Yi names in the minority
 * prefectures), research teams, enterprises and science-popularisation bases.
 */
final class ChineseNames {
  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN =
      "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩然欣怡子轩梓涵雨桐诺思远晨曦俊嘉琪诗博婷海燕春梅德正成林佳慧川蓉";
  private static final String[] TIBETAN = {"扎西", "卓玛", "次仁", "拉姆", "格桑", "泽仁", "降措", "央金",
      "多吉", "德吉", "尼玛", "曲珍", "索朗", "达瓦", "洛绒", "翁姆"};
  private static final String[] YI_CLAN = {"吉克", "阿牛", "沙马", "俄木", "马海", "阿苦", "曲比", "海来",
      "阿说", "吉伍", "俄底", "勒格"};
  private static final String[] YI_GIVEN = {"阿呷", "拉且", "木呷", "日作", "伍各", "尔古", "阿依", "石一",
      "拉哈", "子哈", "阿木", "伍呷"};
  private static final String[] INSTITUTIONS = {"四川大学", "电子科技大学", "西南交通大学", "四川农业大学",
      "西南科技大学", "成都理工大学", "西南石油大学", "成都中医药大学", "西南民族大学", "四川师范大学", "西华大学",
      "中国工程物理研究院", "中国科学院成都生物研究所", "中国科学院光电技术研究所", "四川省农业科学院",
      "四川省林业科学研究院", "绵阳师范学院", "川北医学院"};
  private static final String[] FIELDS = {"猕猴桃育种", "智能制造", "农业物联网", "中药材种植", "工业大数据",
      "先进材料", "生态修复", "地质灾害防治", "畜牧兽医", "水稻栽培", "茶叶加工", "机器视觉", "锂电材料", "高原生态"};
  private static final String[] TEAM_SUFFIX = {"团队", "课题组", "创新团队", "科技服务团"};
  private static final String[] BRANDS = {"天府", "蜀道", "锦城", "九洲", "川渝", "华西", "岷江", "峨眉", "嘉陵",
      "巴蜀", "青城", "西岭", "金沙", "龙泉", "蜀源", "川康", "宏达", "众诚", "鑫源", "瑞丰"};
  private static final String[] INDUSTRIES = {"农业科技", "生物科技", "电子科技", "智能装备", "新材料", "食品",
      "茶业", "中药材", "信息技术", "环保科技", "机械制造", "酒业", "牧业"};
  private static final String[] COMPANY_FORMS = {"有限公司", "有限公司", "有限公司", "股份有限公司", "专业合作社"};
  private static final String[] BASE_THEMES = {"气象", "地震", "农业", "中医药", "生态", "水利", "大熊猫", "航天",
      "地质", "茶文化", "防灾减灾", "林业"};

  private ChineseNames() {}

  static String person(County county, SplittableRandom r) {
    if (CountyActivity.isMinorityPrefecture(county) && r.nextDouble() < 0.4) {
      return county.cityCode().equals("513400")
          ? Pick.one(YI_CLAN, r) + Pick.one(YI_GIVEN, r)
          : Pick.one(TIBETAN, r) + Pick.one(TIBETAN, r);
    }
    // min of two draws favours the front of the list, where the commonest surnames are.
    int s = Math.min(r.nextInt(SURNAMES.length()), r.nextInt(SURNAMES.length()));
    StringBuilder name = new StringBuilder(3).append(SURNAMES.charAt(s)).append(GIVEN.charAt(r.nextInt(GIVEN.length())));
    if (r.nextDouble() < 0.6) {
      name.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
    }
    return name.toString();
  }

  /** What a member of the public leaves as a name: often the platform's default nickname. */
  static String publicUser(County county, SplittableRandom r) {
    return r.nextDouble() < 0.3 ? "天府科技云用户" + Ids.padded(r.nextInt(1_000_000), 6) : person(county, r);
  }

  static String team(SplittableRandom r) {
    return Pick.one(INSTITUTIONS, r) + Pick.one(FIELDS, r) + Pick.one(TEAM_SUFFIX, r);
  }

  static String enterprise(County county, SplittableRandom r) {
    return place(county) + Pick.one(BRANDS, r) + Pick.one(INDUSTRIES, r) + Pick.one(COMPANY_FORMS, r);
  }

  /** The n-th science-popularisation base of a county; the first is always its youth science centre. */
  static String scienceBase(County county, int n, SplittableRandom r) {
    if (n == 0) {
      return county.name() + "青少年科技馆";
    }
    return switch (r.nextInt(4)) {
      case 0 -> county.name() + "科技馆";
      case 1 -> place(county) + Pick.one(BRANDS, r) + "农业科技示范园";
      default -> county.name() + Pick.one(BASE_THEMES, r) + "科普教育基地";
    };
  }

  /** A county's name without its 县/区/市 suffix, as firms use it: 锦江区 → 锦江 (but 荣县 stays 荣县). */
  static String place(County county) {
    String name = county.name();
    return name.length() > 2 ? name.substring(0, name.length() - 1) : name;
  }
}
