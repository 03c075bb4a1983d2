"""Demo content: English translations of the department pages in departments.py.

DEPARTMENTS_EN[municipality slug][department slug] = {"title", "intro", "body"}. Each body has
the same blocks in the same order as the Swedish one, and each rich text the same number of
<p>, <li> and <a> elements, so wagtail-localize can pair the segments. Without a translation a
department page would be copied into the English tree in Swedish when a service under it is
translated. Phone numbers, e-mail addresses and street addresses are the same as in Swedish.
"""

DEPARTMENTS_EN = {
    "bengtsfors": {
        "kommunledning": {
            "title": "Municipal Management",
            "intro": (
                "Municipal Management supports the Municipal Executive Board and leads the "
                "municipal administration. It includes the secretariat, registry, finance, human "
                "resources and business development."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Bengtsfors Municipality has one administration under the Municipal "
                    "Executive Board. It is divided into areas of operation. The Chief Executive "
                    "is the municipality's most senior official and heads the whole "
                    "administration.</p>"
                    "<p>Municipal Management prepares matters for the Municipal Executive Board "
                    "and the Municipal Council and makes sure their decisions are carried out.</p>",
                ),
                ("heading", "What we do"),
                (
                    "paragraph",
                    "<ul><li>Secretariat and registry, which receive and register documents</li>"
                    "<li>Finance, human resources and procurement</li>"
                    "<li>Business development and communication</li>"
                    "<li>Safety, security and emergency preparedness</li></ul>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Requesting official documents",
                        "text": (
                            "<p>Do you want to read an official document? Contact the registry "
                            "through the switchboard on 0531-526 00 or at kommun@bengtsfors.se. "
                            "You do not have to say who you are.</p>"
                        ),
                        "kind": "info",
                    },
                ),
            ],
        },
        "barn-och-utbildning": {
            "title": "Children and Education",
            "intro": (
                "Children and Education is responsible for preschool, after-school care, preschool "
                "class, compulsory school and adult education in Bengtsfors Municipality."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We have preschools and schools in the town of Bengtsfors and in several "
                    "of the municipality's smaller localities. Our goal is for every child and "
                    "pupil to feel safe and to go as far as possible in their learning.</p>",
                ),
                ("heading", "Complaints about preschool and school"),
                (
                    "paragraph",
                    "<p>Are you unhappy with something at preschool or school? Talk to the staff "
                    "or the head teacher first. You can also make a written complaint. We receive "
                    "and investigate every complaint according to our procedure.</p>",
                ),
            ],
        },
        "samhallsbyggnad": {
            "title": "Community Planning",
            "intro": (
                "Community Planning handles building permits and detailed development plans and "
                "looks after the municipality's streets, lighting, water and sewage and waste "
                "collection."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We plan for new homes and businesses and make sure building follows the "
                    "rules. We also look after what you use every day: streets, footpaths and "
                    "cycle paths, street lighting, drinking water and waste collection.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Environment and food",
                        "text": (
                            "<p>Questions about the environment, health protection, food and "
                            "private sewage systems are handled by Dalslands miljö- och "
                            "energiförbund, the joint environmental association.</p>"
                        ),
                        "kind": "info",
                    },
                ),
            ],
        },
        "omsorg": {
            "title": "Care and Social Services",
            "intro": (
                "Care and Social Services supports older people, people with disabilities, and "
                "children, young people and adults who need help."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We are responsible for home care, residential care, support for people "
                    "with disabilities, and individual and family services.</p>"
                    "<p>If you need help, contact a needs assessor. The needs assessor looks into "
                    "your needs and makes a decision.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Are you worried about a child?",
                        "text": (
                            "<p>Call us on 0531-529 00 during office hours. In an emergency, call "
                            "112.</p>"
                        ),
                        "kind": "important",
                    },
                ),
            ],
        },
        "kultur-och-fritid": {
            "title": "Culture and Leisure",
            "intro": (
                "Culture and Leisure runs the library and supports associations, cultural life and "
                "leisure activities for all ages."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Bengtsfors has a rich community of associations and nature that is ideal "
                    "for outdoor life, canoeing and fishing. We help associations with grants and "
                    "premises and arrange activities for children and young people.</p>",
                ),
            ],
        },
    },
    "dals-ed": {
        "kommunledning": {
            "title": "Municipal Management Office",
            "intro": (
                "The Municipal Management Office works on behalf of the Municipal Executive Board. "
                "It includes the secretariat, registry, finance, human resources and business "
                "development."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The Municipal Council is the municipality's highest decision-making body. "
                    "Under the council are the Municipal Executive Board and three committees: "
                    "the FOKUS Committee, the Social Welfare Committee and the Planning and "
                    "Building Committee.</p>"
                    "<p>Environmental matters are handled jointly with Bengtsfors, Färgelanda and "
                    "Mellerud through Dalslands miljö- och energiförbund.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Feedback and complaints",
                        "text": (
                            "<p>Would you like to give praise, make a suggestion or complain? Use "
                            "the feedback form or call 0534-190 00.</p>"
                        ),
                        "kind": "info",
                    },
                ),
            ],
        },
        "barn-och-utbildning": {
            "title": "Children and Education",
            "intro": (
                "Children and Education is responsible for preschool, after-school care, preschool "
                "class and compulsory school in Dals-Ed Municipality."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We work on behalf of the FOKUS Committee. We want every child and pupil "
                    "to feel safe and to develop as far as possible.</p>",
                ),
                ("heading", "Complaints about preschool and school"),
                (
                    "paragraph",
                    "<p>If you are unhappy, talk to the staff or the head teacher first. You can "
                    "also make a written complaint. We investigate every complaint and get back "
                    "to you.</p>",
                ),
            ],
        },
        "samhallsbyggnad": {
            "title": "Community Planning",
            "intro": (
                "Community Planning handles building permits and planning matters and looks after "
                "streets, street lighting, water and sewage in Dals-Ed Municipality."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We handle building permits, notifications and advance rulings. Decisions "
                    "are made by the Planning and Building Committee or by officials with "
                    "delegated authority from the committee.</p>"
                    "<p>We also look after the municipality's streets, footpaths and cycle paths "
                    "and street lighting.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Environment and food",
                        "text": (
                            "<p>Questions about the environment, health protection, food and "
                            "private sewage systems are handled by Dalslands miljö- och "
                            "energiförbund, the joint environmental association.</p>"
                        ),
                        "kind": "info",
                    },
                ),
            ],
        },
        "plan-och-byggnadsnamnden": {
            "title": "Planning and Building Committee",
            "intro": (
                "The Planning and Building Committee is the municipality's building committee. It "
                "decides on building permits, plans and supervision."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The committee consists of elected politicians chosen by the Municipal "
                    "Council. Simpler matters are decided by officials with delegated authority, "
                    "so that you get your decision sooner.</p>"
                    "<p>Notices of meetings and minutes are published on the municipality's "
                    "official notice board.</p>",
                ),
            ],
        },
        "socialtjanst": {
            "title": "Social Services Department",
            "intro": (
                "The Social Services Department gives support and care to older people, people "
                "with disabilities, and children, young people and adults who need help."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We work on behalf of the Social Welfare Committee. If you need support, "
                    "contact a needs assessor or a social worker. They look into your needs and "
                    "make a decision.</p>",
                ),
            ],
        },
        "kultur-och-fritid": {
            "title": "Culture and Leisure",
            "intro": (
                "Culture and Leisure runs the library in Ed and supports associations and leisure "
                "activities throughout the municipality."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Dals-Ed has lakes, forests and Tresticklan National Park. We support "
                    "associations that help more people stay active, and we arrange activities "
                    "for children and young people.</p>",
                ),
            ],
        },
    },
    "fargelanda": {
        "kommunledning": {
            "title": "Municipal Executive Board Office",
            "intro": (
                "The Municipal Executive Board Office prepares matters for the politicians and "
                "serves residents and businesses. It includes the secretariat, registry and "
                "business development."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The Municipal Council is the municipality's highest decision-making body. "
                    "The Municipal Executive Board leads and coordinates the municipality's work "
                    "and is responsible for its finances.</p>"
                    "<p>Council meetings are open to everyone. The notice is published on the "
                    "official notice board and in the newspapers Bohusläningen and "
                    "Dalslänningen.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Contact the registry",
                        "text": (
                            "<p>Do you want to request an official document? Send an e-mail to "
                            "kommun@fargelanda.se or call 0528-567 000.</p>"
                        ),
                        "kind": "info",
                    },
                ),
            ],
        },
        "barn-och-utbildning": {
            "title": "Children and Education",
            "intro": (
                "Children and Education is responsible for preschool, after-school care, preschool "
                "class, compulsory school and adult education in Färgelanda Municipality."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We have preschools and schools in the town of Färgelanda and in several "
                    "of the municipality's smaller localities. We want every child and pupil to "
                    "feel safe and to develop as far as possible.</p>",
                ),
                ("heading", "Complaints about preschool and school"),
                (
                    "paragraph",
                    "<p>Talk to the staff or the head teacher first. You can also make a written "
                    "complaint. We investigate every complaint and get back to you.</p>",
                ),
            ],
        },
        "samhallsbyggnad": {
            "title": "Community Planning",
            "intro": (
                "Community Planning handles building permits and detailed development plans and "
                "looks after streets, street lighting, parks, water and sewage."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We plan for new homes and businesses and make sure building follows the "
                    "rules. We are also responsible for the drinking water and for treating the "
                    "wastewater.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Environment and food",
                        "text": (
                            "<p>Questions about the environment, health protection, food and "
                            "private sewage systems are handled by Dalslands miljö- och "
                            "energiförbund, the joint environmental association.</p>"
                        ),
                        "kind": "info",
                    },
                ),
            ],
        },
        "omsorg": {
            "title": "Care and Social Services",
            "intro": (
                "Care and Social Services supports older people, people with disabilities, and "
                "children, young people and adults who need help."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We are responsible for home care, residential care, home health care and "
                    "support for people with disabilities. We also support children, young people "
                    "and families, and adults who are going through a difficult time.</p>",
                ),
            ],
        },
        "kultur-och-fritid": {
            "title": "Culture and Leisure",
            "intro": (
                "Culture and Leisure runs the library, awards the municipality's culture prize and "
                "supports the community of associations."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We support associations with grants and premises, arrange activities for "
                    "children and young people and work with cultural life throughout the "
                    "municipality.</p>",
                ),
            ],
        },
    },
    "mellerud": {
        "kommunstyrelseforvaltningen": {
            "title": "Municipal Executive Board Office",
            "intro": (
                "The Municipal Executive Board Office works on behalf of the Municipal Executive "
                "Board. It includes the secretariat, registry, finance, human resources, business "
                "development and the Citizen Service Office."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The Municipal Council is the municipality's highest decision-making body. "
                    "The Municipal Executive Board leads and coordinates the municipality's work "
                    "and oversees the committees and the municipal companies.</p>"
                    "<p>Meetings of the Municipal Executive Board are not open to the public, but "
                    "the papers and minutes are public.</p>",
                ),
                ("heading", "The Citizen Service Office"),
                (
                    "paragraph",
                    "<p>The Citizen Service Office in the municipal offices answers questions "
                    "about all of the municipality's services. Call, e-mail or visit if you do "
                    "not know whom to contact.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "The official notice board",
                        "text": (
                            "<p>Notices of council meetings and notices that minutes have been "
                            "approved are published on the municipality's official notice board. "
                            "It also explains how to appeal a decision.</p>"
                        ),
                        "kind": "info",
                    },
                ),
            ],
        },
        "barn-och-utbildning": {
            "title": "Education Department",
            "intro": (
                "The Education Department is responsible for preschool, after-school care, "
                "preschool class, compulsory school and adult education in Mellerud Municipality."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The department works on behalf of the Education Committee. We have "
                    "preschools and schools in Mellerud and in several smaller localities in the "
                    "municipality.</p>",
                ),
                ("heading", "Complaints about preschool and school"),
                (
                    "paragraph",
                    "<p>Are you unhappy with something at preschool or school? Talk to the staff "
                    "or the head teacher first. You can also make a written complaint to the "
                    "department. We investigate every complaint according to our procedure and "
                    "get back to you.</p>",
                ),
            ],
        },
        "samhallsbyggnad": {
            "title": "Community Planning Department",
            "intro": (
                "The Community Planning Department handles building permits and detailed "
                "development plans and looks after streets, street lighting, parks, water and "
                "sewage."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We plan for new homes and businesses, decide on building permits and make "
                    "sure streets, water and sewage work every day.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Environment and food",
                        "text": (
                            "<p>Questions about the environment, health protection, food and "
                            "private sewage systems are handled by Dalslands miljö- och "
                            "energiförbund, the joint environmental association, whose office is "
                            "at Kyrkogatan 5 in Mellerud.</p>"
                        ),
                        "kind": "info",
                    },
                ),
            ],
        },
        "socialforvaltningen": {
            "title": "Social Services Department",
            "intro": (
                "The Social Services Department gives support and care to older people, people "
                "with disabilities, and children, young people and adults who need help."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We work on behalf of the Social Welfare Committee. We are responsible for "
                    "home care, residential care, support for people with disabilities, and "
                    "individual and family services.</p>"
                    "<p>If you need support, contact a needs assessor or a social worker. They "
                    "look into your needs and make a decision.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Are you worried about a child?",
                        "text": (
                            "<p>Call the Social Services Department on 0530-184 00 during office "
                            "hours. In an emergency, call 112.</p>"
                        ),
                        "kind": "important",
                    },
                ),
            ],
        },
        "kultur-och-fritid": {
            "title": "Culture and Leisure",
            "intro": (
                "Culture and Leisure runs the library and the youth centre and supports "
                "associations and cultural life in Mellerud Municipality."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>From the shores of Lake Vänern to the Dalsland Canal and Kroppefjäll, "
                    "there is plenty to do in Mellerud. We support the associations and arrange "
                    "activities for children and young people all year round.</p>",
                ),
            ],
        },
    },
    "amal": {
        "kommunstyrelsens-forvaltning": {
            "title": "Municipal Executive Board Office",
            "intro": (
                "The Municipal Executive Board Office leads and coordinates the municipality's "
                "work. It includes the secretariat, registry, finance, human resources, business "
                "development and communication."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Åmål Municipality has several departments that plan and carry out what "
                    "the politicians on the committees decide. The Municipal Executive Board "
                    "Office leads and coordinates the other departments.</p>",
                ),
                ("heading", "The online register"),
                (
                    "paragraph",
                    "<p>In Åmål Municipality's online register you can search the committees' "
                    "documents from 2022 onwards. The register is updated twice every weekday. "
                    "Documents containing personal data cannot be downloaded. You request those "
                    "from the registrar.</p>",
                ),
            ],
        },
        "barn-och-utbildning": {
            "title": "Education Department",
            "intro": (
                "The Education Department is responsible for preschool, after-school care, "
                "preschool class, compulsory school and adult education in Åmål Municipality."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The department works on behalf of the Education Committee. We have "
                    "preschools and schools both in the town and in the countryside.</p>",
                ),
                ("heading", "Complaints about preschool and school"),
                (
                    "paragraph",
                    "<p>Talk to the staff or the head teacher first. You can also make a written "
                    "complaint to the department. We investigate every complaint and get back to "
                    "you.</p>",
                ),
            ],
        },
        "samhallsbyggnad": {
            "title": "Community Planning Department",
            "intro": (
                "The Community Planning Department handles building permits, shoreline protection "
                "exemptions and detailed development plans and is responsible for environmental "
                "and health protection in Åmål."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We plan how land and water are to be used, decide on building permits and "
                    "exemptions, and carry out inspections covering the environment, health "
                    "protection and food.</p>"
                    "<p>Åmål is not a member of Dalslands miljö- och energiförbund, so "
                    "environmental matters in Åmål are handled here.</p>",
                ),
            ],
        },
        "teknik-och-fritid": {
            "title": "Technical Services and Leisure Department Säffle-Åmål",
            "intro": (
                "The Technical Services and Leisure Department is shared by Säffle and Åmål. We "
                "look after streets, parks, water and sewage, sports facilities and support for "
                "associations."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Åmål and Säffle have a joint committee and department for technical "
                    "services and leisure. This lets the two municipalities share expertise and "
                    "equipment.</p>"
                    "<p>If you live in Åmål, contact us on the Åmål phone number and e-mail "
                    "address.</p>",
                ),
            ],
        },
        "valfard-och-arbetsmarknad": {
            "title": "Welfare and Labour Market Department",
            "intro": (
                "The Welfare and Labour Market Department supports older people, people with "
                "disabilities and anyone who needs help to find work."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We are responsible for home care, residential care, disability support, "
                    "financial assistance, and individual and family services. We also help "
                    "people who are far from the labour market to find work or studies.</p>",
                ),
                (
                    "fact_box",
                    {
                        "heading": "Are you worried about a child?",
                        "text": (
                            "<p>Call us on 0532-175 00 during office hours. In an emergency, call "
                            "112.</p>"
                        ),
                        "kind": "important",
                    },
                ),
            ],
        },
    },
}
